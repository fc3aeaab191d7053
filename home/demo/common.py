"""Pages and settings every demo site has: "Ma commune", the contact form, the legal pages."""

from django.utils.html import escape

from cls.models import CommuneFinderPage
from contacts.models import ContactPage, FormField
from home.legal_pages import create_legal_pages
from home.models import SiteSettings

from .builder import get_or_create_child

SUBJECTS = "Question sur une action\nProposer une action\nDocuments\nAutre demande"
# What the project's own tests check (tests/browser), for the accessibility statement.
ASSESSMENT_TOOLS = (
    "axe-core et le validateur HTML Nu Html Checker, sur chaque page du sitemap.xml du site "
    "(tests automatisés du projet : ils ne remplacent pas un audit)."
)
TEST_ENVIRONMENT = "Chromium, sans lecteur d'écran (tests automatisés)."


def rich(text):
    """One escaped paragraph of rich text."""
    return f"<p>{escape(text)}</p>"


def paragraphs(*texts):
    """Escaped paragraphs of rich text."""
    return "".join(rich(text) for text in texts)


def bullet_list(items):
    """An escaped bulleted list of rich text."""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def build_contact_page(home, officer):
    existing = home.get_children().filter(slug="contact").first()
    if existing:
        return existing.specific
    page = ContactPage(
        title="Contacter la mission santé",
        slug="contact",
        intro=rich(
            f"Une question sur le contrat local de santé ? Écrivez à {officer.name}, "
            f"{officer.role.lower()}."
        ),
        recipient=officer,
        thank_you_text=rich("Merci, votre message a bien été reçu. Nous vous répondrons vite."),
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


def build_legal_pages(home, officer):
    """The generated legal pages. The demo claims no audit, no legal basis, no officer of
    its own: the pages say these are not given, and editors see them « À compléter ». It
    states what the project's own tests check (tests/browser) and where to write."""
    pages = create_legal_pages(home)
    statement = pages["accessibilite"]
    if not statement.contact_email:
        statement.contact_email = officer.email
        statement.assessment_tools = ASSESSMENT_TOOLS
        statement.test_environment = TEST_ENVIRONMENT
        statement.save_revision().publish()
    return pages


def demo_settings(site, organisation_name):
    """The site's settings: its publisher, and the demo notice shown on every page. The
    address, director of publication and host are left « À compléter »."""
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = organisation_name
        settings.is_demo_site = True
        settings.save()
    return settings
