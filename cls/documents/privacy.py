"""Documents a visitor may open: those outside collections whose view restriction the
visitor does not satisfy (Wagtail refuses to serve the others anyway). Pages never list
nor name the others: a private document's title is private too."""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction

from home.page_cache import cached_site_data


def restricted_collections(request):
    """[(restriction, ids of its collection and sub-collections)], kept with the site's
    data: saving a restriction or a collection changes the content version."""

    def build():
        restrictions = list(CollectionViewRestriction.objects.select_related("collection"))
        if not restrictions:
            return []
        subtree = Q()
        for restriction in restrictions:
            subtree |= Q(path__startswith=restriction.collection.path)
        collections = list(Collection.objects.filter(subtree).values_list("pk", "path"))
        return [
            (
                restriction,
                {pk for pk, path in collections if path.startswith(restriction.collection.path)},
            )
            for restriction in restrictions
        ]

    return cached_site_data(request, "collection-restrictions", build)


def hidden_collection_ids(request):
    """Ids of the collections this visitor may not open (all restricted ones without a request)."""
    if request is None:
        return set().union(*(ids for _restriction, ids in restricted_collections(None)))
    if not hasattr(request, "_hidden_collection_ids"):
        # Without a session, no login nor password can have been given: asking the
        # restriction would open the session and keep the page out of the page cache.
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        request._hidden_collection_ids = set().union(
            *(
                ids
                for restriction, ids in restricted_collections(request)
                if not (has_session and restriction.accept_request(request))
            )
        )
    return request._hidden_collection_ids


def exclude_private_documents(documents, request):
    hidden = hidden_collection_ids(request)
    return documents.exclude(collection_id__in=hidden) if hidden else documents


def is_private(document, request):
    return document.collection_id in hidden_collection_ids(request)


def visible_documents(documents, request):
    """The documents of a list (a page's related documents…) this visitor may open."""
    hidden = hidden_collection_ids(request)
    return [document for document in documents if document.collection_id not in hidden]
