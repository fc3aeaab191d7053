"""Every new site gets its legal pages, ready to edit, and its footer links to them."""

from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import (
    AccessibilityStatementPage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
    SiteSettings,
)


def legal_page_specs():
    return [
        (LegalNoticePage, "mentions-legales", _("Mentions légales")),
        (PersonalDataPage, "donnees-personnelles", _("Données personnelles et cookies")),
        (AccessibilityStatementPage, "accessibilite", _("Déclaration d'accessibilité")),
        (SitemapPage, "plan-du-site", _("Plan du site")),
    ]


def create_legal_pages(home):
    """Create (once) and publish the legal pages under a site's home page.

    Returns them by slug. When the home page already roots a site, the site's
    settings get footer links to them and point to the accessibility statement.
    """
    pages = {}
    for page_class, slug, title in legal_page_specs():
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = page_class(title=title, slug=slug)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[slug] = page.specific
    site = Site.objects.filter(root_page=home).first()
    if site:
        link_footer_to(SiteSettings.for_site(site), pages)
    return pages


def link_footer_to(settings, pages):
    if not settings.footer_links:
        settings.footer_links = [
            ("link", {"label": page.title, "page": page, "url": ""}) for page in pages.values()
        ]
    settings.accessibility_page = settings.accessibility_page or pages["accessibilite"]
    settings.save()
