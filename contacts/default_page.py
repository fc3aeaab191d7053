"""The contact page every CLS site starts with (the « Nouveau site CLS » wizard, the demo)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.page_building import get_or_create_child

from .models import ContactPage, FormField

CONTACT_SLUG = "contact"


def subject_choices():
    return "\n".join(
        [
            _("Question sur une action"),
            _("Proposer une action"),
            _("Documents"),
            _("Autre demande"),
        ]
    )


def intro_text():
    return _(
        "Une question sur le contrat local de santé, une action ou un document ? "
        "Écrivez-nous : nous vous répondrons."
    )


def default_form_fields():
    """Name, e-mail, subject, message and consent: what a visitor is usually asked."""
    return [
        FormField(label=_("Votre nom"), field_type="singleline", required=True),
        FormField(label=_("Votre adresse électronique"), field_type="email", required=True),
        FormField(
            label=_("Objet"), field_type="dropdown", required=True, choices=subject_choices()
        ),
        FormField(label=_("Votre message"), field_type="multiline", required=True),
        FormField(
            label=_("J'accepte que ces informations servent à répondre à ma demande"),
            field_type="checkbox",
            required=True,
            help_text=_("L'information sur vos données personnelles figure sous le formulaire."),
        ),
    ]


def create_contact_page(home, recipient):
    """The site's contact page, published, its messages going to `recipient` (a contact
    card with an e-mail address); the existing one if the home page has it already."""
    return get_or_create_child(
        home,
        ContactPage,
        _("Contacter la mission santé"),
        slug=CONTACT_SLUG,
        intro=format_html("<p>{}</p>", intro_text()),
        recipient=recipient,
        thank_you_text=format_html(
            "<p>{}</p>", _("Merci, votre message a bien été reçu. Nous vous répondrons vite.")
        ),
        form_fields=default_form_fields(),
        show_in_menus=True,
    )
