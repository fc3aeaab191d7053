"""The admin forms refuse obvious mistakes with a French message, and save nothing."""

import pytest
from django.utils import timezone

from cls.models import (
    ActionEvent,
    ActionFunder,
    ActionIndicator,
    ActionPage,
    AxisPage,
    ContractPage,
    Organisation,
    SiteDocument,
)
from contacts.models import ContactCard
from home.models import AccessibilityStatementPage

from .admin_forms import admin_form, page_form

pytestmark = pytest.mark.django_db

END_BEFORE_START = "La fin ne peut pas précéder le début."
NOT_A_NUMBER = "Un indicateur quantitatif se mesure par un nombre"
NEGATIVE = "Assurez-vous que cette valeur est supérieure ou égale à 0."


@pytest.fixture
def action():
    axis = AxisPage.objects.get(title="Besoins spécifiques des séniors")
    action = ActionPage(title="Marche bleue")
    action.events = [ActionEvent(title="Départ", start=timezone.now())]
    action.indicators = [ActionIndicator(label="Marcheurs", target="40", value="12")]
    action.funders = [ActionFunder(organisation=Organisation.objects.first(), amount=500)]
    axis.add_child(instance=action)
    return action


def publish(client, page, **fields):
    """Publish the page from its admin edit form, with `fields` typed in."""
    url = f"/admin/pages/{page.pk}/edit/"
    _, data = page_form(client, url, type(page), **fields, **{"action-publish": "publish"})
    return client.post(url, data)


def refused(response, message):
    assert response.status_code == 200  # the form again, not a redirection
    html = response.content.decode()
    assert message in html
    return html


def test_an_action_cannot_end_before_it_starts(admin_client, action):
    response = publish(admin_client, action, start_date="04/07/2023", end_date="03/07/2023")
    refused(response, END_BEFORE_START)
    action.refresh_from_db()
    assert action.start_date is None
    response = publish(admin_client, action, start_date="04/07/2023", end_date="04/07/2023")
    assert response.status_code == 302  # a one-day action


def test_a_contract_cannot_end_before_it_starts(admin_client):
    contract = ContractPage.objects.get(generation_label="CLS 2", locale__language_code="fr")
    before = contract.end_date
    response = publish(admin_client, contract, start_date="01/01/2027", end_date="31/12/2026")
    refused(response, END_BEFORE_START)
    contract.refresh_from_db()
    assert contract.end_date == before


def test_an_event_cannot_end_before_it_starts(admin_client, action):
    response = publish(
        admin_client,
        action,
        **{"events-0-start": "04/07/2023 14:00", "events-0-end": "04/07/2023 12:00"},
    )
    refused(response, END_BEFORE_START)


@pytest.mark.parametrize(
    ("kind", "value", "accepted"),
    [
        ("quantitatif", "beaucoup", False),
        ("quantitatif", "150 personnes", True),
        ("quantitatif", "80 %", True),
        ("qualitatif", "beaucoup", True),
    ],
)
def test_a_quantitative_indicator_is_measured_by_a_number(
    admin_client, action, kind, value, accepted
):
    response = publish(
        admin_client, action, **{"indicators-0-kind": kind, "indicators-0-value": value}
    )
    if accepted:
        assert response.status_code == 302
        assert action.indicators.get().value == value
    else:
        refused(response, NOT_A_NUMBER)
        assert action.indicators.get().value == "12"


def test_a_budget_or_a_funding_cannot_be_negative(admin_client, action):
    refused(publish(admin_client, action, budget="-1500"), NEGATIVE)
    refused(publish(admin_client, action, **{"funders-0-amount": "-500"}), NEGATIVE)


def test_a_page_is_not_its_own_previous_generation_or_source(admin_client, action):
    refused(
        publish(admin_client, action, carried_over_from=action.pk),
        "Choisissez la fiche de la génération précédente, pas cette fiche-ci.",
    )
    contract = ContractPage.objects.get(generation_label="CLS 2", locale__language_code="fr")
    refused(
        publish(admin_client, contract, previous_generation=contract.pk),
        "Choisissez le contrat que celui-ci prolonge, pas ce contrat-ci.",
    )


def test_an_accessibility_rate_is_a_percentage(admin_client):
    statement = AccessibilityStatementPage.objects.filter(locale__language_code="fr").first()
    refused(
        publish(admin_client, statement, compliance_rate="120"),
        "Assurez-vous que cette valeur est inférieure ou égale à 100.",
    )


@pytest.mark.parametrize(
    ("phone", "accepted"),
    [("04 68 00", False), ("appeler la mairie", False), ("04.68.00.00.00", True), ("3919", True)],
)
def test_a_contact_card_phone_number_is_complete(admin_client, phone, accepted):
    card = ContactCard.objects.filter(locale__language_code="fr").first()
    url = f"/admin/snippets/contacts/contactcard/edit/{card.pk}/"
    _, data = admin_form(admin_client, url, phone=phone)
    response = admin_client.post(url, data)
    card.refresh_from_db()
    if accepted:
        assert response.status_code == 302
        assert card.phone == phone
    else:
        refused(response, "Ce numéro ne semble pas complet")
        assert card.phone != phone


def test_a_document_language_is_a_code(admin_client):
    document = SiteDocument.objects.first()
    url = f"/admin/documents/edit/{document.pk}/"
    _, data = admin_form(admin_client, url, language="français")
    refused(admin_client.post(url, data), "Un code de langue en minuscules")
    document.refresh_from_db()
    assert document.language == "fr"
