"""Contact cards: a phone number to call, a link to write, never an address to harvest."""

import time

import pytest
from django.core import mail
from django.core.cache import cache

from cls.models import ActionPage, ContractPage
from contacts.antispam import sign_start_time
from contacts.models import ContactCard, ContactPage, ContactSubmission
from contacts.phone import format_french_phone, tel_uri
from home.models import ContentPage

from .conftest import CONSENT_FIELD

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(aude_site):
    return ContactCard.objects.get(name="Élise Roussel", locale__language_code="fr")


@pytest.fixture
def contact_page(aude_site):
    return ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def publish(page, django_capture_on_commit_callbacks):
    # On commit, Wagtail records which snippets the page shows (its reference index).
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


@pytest.mark.parametrize(
    ("typed", "shown", "uri"),
    [
        ("0465710034", "04 65 71 00 34", "tel:+33465710034"),
        ("04.65.71.00.34", "04 65 71 00 34", "tel:+33465710034"),
        ("+33 4 65 71 00 34", "04 65 71 00 34", "tel:+33465710034"),
        ("3975", "3975", "tel:3975"),
    ],
)
def test_phone_numbers_are_written_the_french_way(typed, shown, uri):
    assert format_french_phone(typed) == shown
    assert tel_uri(typed) == uri


def test_pages_showing_a_card_offer_a_call_and_a_link_to_write_but_no_address(
    aude_client, officer, contact_page
):
    contract = ContractPage.objects.get(slug="cls-2", locale__language_code="fr")
    action = ActionPage.objects.get(title="Dépistages diabète", locale__language_code="fr")
    for page in (contract, action, contact_page):
        html = get_html(aude_client, page.url)
        assert "Élise Roussel" in html
        assert 'href="tel:+33465710034"' in html
        assert ">04 65 71 00 34</a>" in html
        assert "mailto:" not in html
        assert officer.email not in html

    html = get_html(aude_client, action.url)
    assert f'href="/contact/?destinataire={officer.pk}">Écrire à Élise Roussel</a>' in html


def test_a_card_edited_shows_at_once_on_the_pages_that_showed_it(aude_client, officer):
    # Pages keep the card with the site's data: saving it must change the content version.
    action = ActionPage.objects.get(title="Dépistages diabète", locale__language_code="fr")
    axis = action.get_parent()
    contract = axis.get_parent()
    pages = [contract, axis, action]
    for page in pages:
        assert ">04 65 71 00 34</a>" in get_html(aude_client, page.url)
    officer.phone = "04 65 71 00 99"
    officer.save()
    for page in pages:
        html = get_html(aude_client, page.url)
        assert ">04 65 71 00 99</a>" in html and "04 65 71 00 34" not in html


def test_an_editor_places_a_card_in_a_page_body(aude_client, officer, aude_site):
    page = aude_site.root_page.add_child(
        instance=ContentPage(
            title="Nous rencontrer", slug="nous-rencontrer", body=[("contact", officer)]
        )
    )

    html = get_html(aude_client, page.url)

    assert '<div class="contact-card">' in html
    assert "Élise Roussel" in html and "Chargée de mission Santé" in html
    assert "mailto:" not in html


def test_writing_to_the_pilot_of_an_action_reaches_that_person(
    aude_client, contact_page, django_capture_on_commit_callbacks
):
    pilot = ContactCard.objects.create(
        name="Nadia Benali", role="Infirmière Asalée", email="nadia.benali@example.org"
    )
    action = ActionPage.objects.get(title="Dépistages diabète", locale__language_code="fr")
    action.contact = pilot
    publish(action, django_capture_on_commit_callbacks)
    write_url = f"/contact/?destinataire={pilot.pk}"
    assert f'href="{write_url}"' in get_html(aude_client, action.url)

    html = get_html(aude_client, write_url)
    assert "Votre message sera lu par" in html and "Nadia Benali" in html
    assert f'name="destinataire" value="{pilot.pk}"' in html

    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        aude_client.post(
            contact_page.url,
            {
                "destinataire": pilot.pk,
                "votre_nom": "Camille Martin",
                "votre_adresse_electronique": "camille.martin@example.net",
                "objet": "Question sur une action",
                "votre_message": "Quand a lieu la prochaine journée de dépistage ?",
                CONSENT_FIELD: "on",
                "form_started": sign_start_time(time.time() - 60),
            },
        )
    assert [email.to for email in mail.outbox] == [["nadia.benali@example.org"]]
    assert ContactSubmission.objects.get().recipient == pilot


def test_a_card_shown_nowhere_on_the_site_cannot_be_picked_as_recipient(
    aude_client, contact_page, officer
):
    other_site_officer = ContactCard.objects.get(name="Julien Morel", locale__language_code="fr")
    hidden_card = ContactCard.objects.create(name="Compte caché", email="cache@example.org")

    for card in (other_site_officer, hidden_card):
        html = get_html(aude_client, f"{contact_page.url}?destinataire={card.pk}")
        assert card.name not in html
        assert "Élise Roussel" in html  # the page's own recipient
        assert 'name="destinataire"' not in html
