"""English of what every demo site has (common.py): "Ma commune", the contact form, the
legal pages, the agenda and news titles. Faithful translations of the French texts."""

from django.utils import translation

from contacts.default_page import default_form_fields, intro_text

from .common import ASSESSMENT_TOOLS, TEST_ENVIRONMENT


def default_contact_english():
    """The default contact page's intro and form (interface strings of
    contacts/default_page.py, translated in the .po files), French to English."""
    with translation.override("fr"):
        french = [intro_text(), *default_form_fields()]
    with translation.override("en"):
        english = [intro_text(), *default_form_fields()]
    pairs = {french[0]: english[0]}
    for source, target in zip(french[1:], english[1:], strict=True):
        for attribute in ("label", "help_text", "choices"):
            if getattr(source, attribute):
                pairs[getattr(source, attribute)] = getattr(target, attribute)
    return pairs


COMMON_ENGLISH = {
    "Ma commune": "My municipality",
    "Tapez le nom ou le code postal de votre commune : vous verrez si elle fait partie du "
    "territoire du contrat, les actions qui s'y déroulent, les prochains rendez-vous et qui "
    "contacter.": (
        "Type the name or postcode of your municipality to see whether it is part of the "
        "contract's area, the actions taking place there, upcoming events and whom to contact."
    ),
    # The contact page and its form's fields
    "Contacter la mission santé": "Contact the health team",
    "Merci, votre message a bien été reçu. Nous vous répondrons vite.": (
        "Thank you, your message has been received. We will answer soon."
    ),
    **default_contact_english(),
    # Legal pages
    "Mentions légales": "Legal notice",
    "Données personnelles et cookies": "Personal data and cookies",
    "Déclaration d'accessibilité": "Accessibility statement",
    TEST_ENVIRONMENT: "Chromium, without a screen reader (automated tests).",
    ASSESSMENT_TOOLS: (
        "axe-core and the Nu Html Checker HTML validator, on every page of the site's "
        "sitemap.xml (the project's automated tests: they do not replace an audit)."
    ),
    "Plan du site": "Site map",
    # Agenda and news
    "Agenda": "Events",
    "Actualités": "News",
    # News tags (shared by the sites)
    "séniors": "older people",
    "dépistage": "screening",
    "diabète": "diabetes",
    "prévention": "prevention",
    "groupes de travail": "working groups",
}
