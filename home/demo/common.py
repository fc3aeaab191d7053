"""Pages every demo site has: "Ma commune", the contact form and the legal pages."""

import datetime
from decimal import Decimal

from django.utils.html import escape

from cls.models import CommuneFinderPage
from contacts.models import ContactPage, FormField
from home.legal_pages import create_legal_pages

from .builder import get_or_create_child

SUBJECTS = "Question sur une action\nProposer une action\nDocuments\nAutre demande"


def rich(text):
    """One escaped paragraph of rich text."""
    return f"<p>{escape(text)}</p>"


def build_contact_page(home, officer):
    existing = home.get_children().filter(slug="contact").first()
    if existing:
        return existing.specific
    page = ContactPage(
        title="Contacter la mission santé",
        slug="contact",
        intro=rich(
            f"Une question sur le contrat local de santé ? {officer.name}, "
            f"{officer.role.lower()}, vous répond sous cinq jours ouvrés."
        ),
        recipient=officer,
        thank_you_text=rich("Merci, votre message a bien été reçu. Nous vous répondrons vite."),
        data_protection_notice=(
            "Les informations saisies servent uniquement à répondre à votre message. Elles "
            "sont conservées douze mois puis supprimées. Vous pouvez demander leur "
            "consultation ou leur suppression en écrivant à la mission santé."
        ),
        show_in_menus=True,
    )
    page.form_fields = [
        FormField(label="Votre nom", field_type="singleline", required=True),
        FormField(label="Votre adresse électronique", field_type="email", required=True),
        FormField(label="Objet", field_type="dropdown", required=True, choices=SUBJECTS),
        FormField(label="Votre message", field_type="multiline", required=True),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_commune_finder(home):
    """The "Ma commune" page, in the main menu."""
    return get_or_create_child(
        home,
        CommuneFinderPage,
        "Ma commune",
        intro=rich(
            "Tapez le nom ou le code postal de votre commune : vous verrez si elle fait "
            "partie du territoire du contrat, les actions qui s'y déroulent, les prochains "
            "rendez-vous et qui contacter."
        ),
        show_in_menus=True,
    )


def build_legal_pages(home, publisher):
    """The generated legal pages, with the demo's accessibility audit filled in."""
    pages = create_legal_pages(home)
    statement = pages["accessibilite"]
    if not statement.audit_date:
        statement.statement_date = datetime.date(2026, 11, 1)
        statement.audit_date = datetime.date(2026, 10, 15)
        statement.audited_by = f"{publisher} (auto-évaluation)"
        statement.compliance_rate = Decimal("87.50")
        statement.non_accessible_content = rich(
            "Certains documents PDF anciens (comptes-rendus antérieurs à 2018) ne sont pas "
            "balisés. Une version accessible est envoyée sur demande."
        )
        statement.test_environment = "Firefox et NVDA, Safari et VoiceOver"
        statement.contact_means = rich(
            "Signalez un défaut d'accessibilité par le formulaire de contact de la mission santé."
        )
        statement.save_revision().publish()
    return pages
