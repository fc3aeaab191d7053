"""The documents a site publishes: what its search finds and what a document list without a
collection shows."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from home.page_cache import cached_site_data
from home.routing import find_site


def published_document_ids(request):
    """Ids of the documents the live public pages of the request's site link to or list.

    A document is published on a site when one of its live public pages (any language)
    references it, or when a live document list of the site shows its collection.
    Documents of private collections are left out: their title is private too. Kept with
    the site's data; one query, plus the site's languages and the private collections.
    """
    from cls.documents.privacy import hidden_collection_ids
    from cls.models import DocumentCollectionPage

    def build():
        site = find_site(request)
        if site is None:
            return []
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=root.path)
        public = ~Page.objects.private_q()
        pages = Page.objects.live().filter(public, in_site)
        Document = get_document_model()
        referenced = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
            to_content_type=ContentType.objects.get_for_model(Document),
        ).annotate(document_id=Cast("to_object_id", IntegerField()))
        listed = DocumentCollectionPage.objects.live().filter(public, in_site)
        documents = Document.objects.order_by().exclude(
            collection_id__in=hidden_collection_ids(None)
        )
        # A union rather than an OR: each half uses its index.
        linked = documents.filter(pk__in=referenced.values("document_id"))
        listed = documents.filter(collection_id__in=listed.values("collection_id"))
        return list(linked.values_list("pk", flat=True).union(listed.values_list("pk", flat=True)))

    return cached_site_data(request, "published-documents", build)
