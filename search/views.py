from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page, Site

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over the live, public pages of the current site and language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    site = Site.find_for_request(request)
    if query and site:
        results = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page.localized, inclusive=True)
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": paginator.get_page(request.GET.get("page"))},
    )
