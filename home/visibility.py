"""Page view restrictions, read once per content change rather than on every list."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.page_cache import cached_site_data


def restricted_paths(request):
    """Tree paths of the pages with a view restriction (their descendants are private too)."""
    return cached_site_data(
        request,
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def exclude_private(pages, request):
    """Like PageQuerySet.public(), which queries the restrictions again on each call."""
    paths = restricted_paths(request)
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if paths else pages


def is_private(page, request):
    return any(page.path.startswith(path) for path in restricted_paths(request))


def is_visible(page, request):
    """Whether an anonymous visitor may open this page (None: no page)."""
    return page is not None and page.live and not is_private(page, request)
