from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import CollectionViewRestriction

from home.page_cache import cached_site_data


def exclude_private_documents(documents, request):
    """Leave out documents of collections (or sub-collections) this visitor may not open.

    Wagtail refuses to serve them anyway; listing them would only lead to a login page.
    """
    # Kept with the site's data: saving a restriction changes the content version.
    restrictions = cached_site_data(
        request,
        "collection-restrictions",
        lambda: list(CollectionViewRestriction.objects.select_related("collection")),
    )
    hidden_paths = [
        restriction.collection.path
        for restriction in restrictions
        if not restriction.accept_request(request)
    ]
    if not hidden_paths:
        return documents
    return documents.exclude(
        reduce(or_, (Q(collection__path__startswith=path) for path in hidden_paths))
    )
