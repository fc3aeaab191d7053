"""What one site publishes: its live, public pages and the documents they make available."""

from django.utils.functional import cached_property
from wagtail.models import Page

from cls.documents.publication import published_document_ids
from home.i18n import get_active_locale
from home.page_cache import cached_site_data
from home.routing import localized_root


class SiteScope:
    """The pages and documents of the request's site that a visitor may find, in its language.

    The root, the private sections and the published documents change only with the
    site's content: they are kept per content version (home/page_cache.py), so a search
    only queries for its matches.
    """

    def __init__(self, request):
        self.request = request
        self.locale = get_active_locale(request)

    def cached(self, name, build):
        return cached_site_data(self.request, f"search-{name}", build)

    @property
    def root(self):
        return localized_root(self.request)

    @cached_property
    def private_pages(self):
        """Q matching the pages under a view restriction (Wagtail's)."""
        return self.cached("private-pages", Page.objects.private_q)

    def pages(self, model=Page):
        """Live, public pages of the site in this language, of one page model (all by default)."""
        pages = model.objects.live().exclude(self.private_pages)
        return pages.descendant_of(self.root, inclusive=True).filter(locale=self.locale)

    @cached_property
    def document_ids(self):
        return published_document_ids(self.request)
