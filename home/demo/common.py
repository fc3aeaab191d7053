"""Pages every demo site has: the contact form and the legal pages."""

from django.utils.html import escape

from contacts.models import ContactPage, FormField
from home.models import ContentPage

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


def build_legal_pages(home, publisher):
    """The legal pages every French public site needs, as editable content pages."""
    texts = {
        "mentions-legales": (
            "Mentions légales",
            f"Éditeur du site : {publisher}. Hébergement : à compléter par l'éditeur.",
        ),
        "donnees-personnelles": (
            "Données personnelles et cookies",
            "Ce site ne dépose aucun cookie de mesure d'audience. Les messages envoyés par le "
            "formulaire de contact sont conservés douze mois.",
        ),
        "accessibilite": (
            "Déclaration d'accessibilité",
            "Ce site est partiellement conforme au référentiel général d'amélioration de "
            "l'accessibilité (RGAA 4.1).",
        ),
    }
    return {
        slug: get_or_create_child(home, ContentPage, title, slug=slug, intro=intro)
        for slug, (title, intro) in texts.items()
    }
