"""Pages and settings every demo site has: the legal pages, completed, and the demo notice."""

from django.utils.html import escape

from home.legal_pages import create_legal_pages
from home.models import SiteSettings

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
