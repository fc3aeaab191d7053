"""The mission officer reads messages, and their delivery state, in the admin."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from contacts.models import ContactPage, ContactSubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(aude_site):
    return ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("admin-contact", "a@example.org", "x")
    )
    return client


@pytest.fixture
def editor(db):
    """A communication officer: Wagtail's "Editors" group, not an administrator."""
    user = get_user_model().objects.create_user("redactrice", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def undelivered_message(contact_page):
    submission = ContactSubmission.objects.create(
        page=contact_page,
        form_data={"votre_nom": "Camille Martin", "votre_message": "Bonjour"},
        delivery_attempts=1,
    )
    submission.record_failure("ConnectionRefusedError: serveur injoignable")
    return submission


@pytest.fixture
def message_in_unknown_state(contact_page):
    """The mail server took the message but did not answer in time: it may have gone."""
    submission = ContactSubmission.objects.create(
        page=contact_page,
        form_data={"votre_nom": "Dominique Petit", "votre_message": "Bonsoir"},
        delivery_attempts=1,
        delivery_started_at=datetime(2026, 12, 4, 9, 30, tzinfo=UTC),
    )
    submission.record_unknown("TimeoutError: timed out")
    return submission


def test_the_submissions_list_shows_each_message_with_its_delivery_state(
    admin_client, contact_page, undelivered_message
):
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Envoi par courriel" in html
    assert "Camille Martin" in html
    assert "échec après 1 tentative : ConnectionRefusedError: serveur injoignable" in html
    assert "nouvelle tentative le " in html


def test_a_message_that_may_have_gone_is_shown_as_unknown_not_failed(
    admin_client, contact_page, message_in_unknown_state
):
    html = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/").content.decode()

    assert (
        "état inconnu : vérifier la boîte de réception (envoi tenté le 04/12/2026 10:30, "
        "sans réponse du serveur de courriel : TimeoutError: timed out)"
    ) in html
    dashboard = admin_client.get("/admin/").content.decode()
    assert "1 message (dont 1 à l'état inconnu)" in dashboard


def test_the_submissions_export_as_csv_includes_the_delivery_state(
    admin_client, contact_page, undelivered_message
):
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/?export=csv")

    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = csv.splitlines()[:2]
    assert "Votre nom" in header and "Envoi par courriel" in header
    assert "Camille Martin" in row and "échec après 1 tentative" in row


def test_only_administrators_can_type_a_free_recipient_address(client, editor, contact_page):
    edit_url = f"/admin/pages/{contact_page.pk}/edit/"
    client.force_login(editor)

    editor_html = client.get(edit_url).content.decode()

    assert 'name="recipient"' in editor_html
    assert 'name="to_address"' not in editor_html


def test_administrators_can_type_a_free_recipient_address(admin_client, contact_page):
    html = admin_client.get(f"/admin/pages/{contact_page.pk}/edit/").content.decode()

    assert 'name="to_address"' in html


def test_the_dashboard_warns_about_messages_not_yet_emailed(
    admin_client, contact_page, undelivered_message
):
    html = admin_client.get("/admin/").content.decode()

    assert "Messages de contact non transmis par courriel" in html
    assert f'href="/admin/forms/submissions/{contact_page.pk}/">{contact_page.title}</a>' in html
    assert "1 message" in html


def test_the_dashboard_stays_quiet_once_every_message_is_emailed(admin_client, undelivered_message):
    undelivered_message.record_delivery()

    assert "non transmis par courriel" not in admin_client.get("/admin/").content.decode()
