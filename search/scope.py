"""What one site publishes: its live, public pages and the documents they make available."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from cls.models import DocumentCollectionPage


def site_root(site, locale):
    return site.root_page.get_translation_or_none(locale) or site.root_page


def site_pages(site, locale, model=Page):
    """Live, public pages of the site in one language, of one page model (all by default)."""
    root = site_root(site, locale)
    return model.objects.live().public().descendant_of(root, inclusive=True).filter(locale=locale)


def site_document_ids(site):
    """Ids of the documents that the site's live pages link to or list.

    A document is published on a site when one of its live pages (any language)
    references it, or when a live document list of the site shows its collection.
    Documents in private collections are left out.
    """
    roots = site.root_page.get_translations(inclusive=True)
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = Page.objects.live().public().filter(in_site)
    Document = get_document_model()
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        to_content_type=ContentType.objects.get_for_model(Document),
    ).values_list("to_object_id", flat=True)
    listed_collections = (
        DocumentCollectionPage.objects.live().public().filter(in_site).values("collection_id")
    )
    documents = Document.objects.filter(
        Q(pk__in=[int(pk) for pk in referenced]) | Q(collection_id__in=listed_collections)
    )
    for restricted_path in CollectionViewRestriction.objects.values_list(
        "collection__path", flat=True
    ):
        documents = documents.exclude(collection__path__startswith=restricted_path)
    return list(documents.values_list("pk", flat=True))
