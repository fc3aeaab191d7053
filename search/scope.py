"""What one site publishes: its live, public pages and the documents they make available."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from cls.models import DocumentCollectionPage
from home.i18n import get_active_locale
from home.page_cache import cached_site_data
from home.routing import localized_root


class SiteScope:
    """The pages and documents of the request's site that a visitor may find, in its language.

    The root, the private sections and the published documents change only with the
    site's content: they are kept per content version (home/page_cache.py), so a search
    only queries for its matches.
    """

    def __init__(self, request, site):
        self.request = request
        self.site = site
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
        return self.cached("documents", self.published_document_ids)

    def published_document_ids(self):
        """Ids of the documents that the site's live pages link to or list.

        A document is published on a site when one of its live public pages (any
        language) references it, or when a live document list of the site shows its
        collection. Documents in private collections are left out. One query, plus the
        site's languages and the collection restrictions.
        """
        in_site = Q()
        for root in self.site.root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=root.path)
        pages = Page.objects.live().exclude(self.private_pages).filter(in_site)
        Document = get_document_model()
        referenced = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
            to_content_type=ContentType.objects.get_for_model(Document),
        ).annotate(document_id=Cast("to_object_id", IntegerField()))
        listed = DocumentCollectionPage.objects.live().exclude(self.private_pages).filter(in_site)
        documents = Document.objects.order_by()
        for restricted_path in CollectionViewRestriction.objects.values_list(
            "collection__path", flat=True
        ):
            documents = documents.exclude(collection__path__startswith=restricted_path)
        # A union rather than an OR: each half uses its index.
        linked = documents.filter(pk__in=referenced.values("document_id"))
        listed = documents.filter(collection_id__in=listed.values("collection_id"))
        return list(linked.values_list("pk", flat=True).union(listed.values_list("pk", flat=True)))
