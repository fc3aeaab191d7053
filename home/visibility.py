"""Page view restrictions read once per request, however many lists a page shows."""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def exclude_private(pages, request):
    """Like PageQuerySet.public(), which queries the restrictions again on each call."""
    if request is None:
        return pages.public()
    if not hasattr(request, "_restricted_paths"):
        request._restricted_paths = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    private = Q()
    for path in request._restricted_paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if request._restricted_paths else pages
