import re

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Site

from cls.models import ActionPage, ActionStatus, AxisPage, ContractPage
from home.i18n import get_active_locale

from .highlight import highlighted_excerpt
from .scope import site_document_ids, site_pages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Each kind of result is ranked on its own; a visitor rarely goes past the first pages.
MAX_RESULTS_PER_KIND = 200

RESULT_TYPES = {
    "action": (_("Fiches action"), ActionPage),
    "axe": (_("Axes"), AxisPage),
    "contrat": (_("Contrats"), ContractPage),
    "document": (_("Documents"), None),
}
EXCERPT_FIELDS = ["search_description", "summary", "intro", "description", "definition"]


def clean_query(raw):
    """The query as typed, bounded, without control characters (NUL breaks PostgreSQL)."""
    query = "".join(char for char in raw[:MAX_QUERY_LENGTH] if char.isprintable())
    return " ".join(query.split())


def search_words(query):
    """Only the words of the query: quotes and operators mean nothing to visitors and
    break the full-text syntax of SQLite and PostgreSQL."""
    return " ".join(re.findall(r"\w+", query))


def page_results(site, locale, query, result_type, filters):
    if result_type:
        pages = site_pages(site, locale, RESULT_TYPES[result_type][1])
    else:
        pages = site_pages(site, locale).specific()
    if result_type == "action":
        if filters["axis"]:
            pages = pages.child_of(filters["axis"])
        if filters["status"]:
            pages = pages.filter(status=filters["status"])
    results = []
    for page in pages.search(query, operator="or").annotate_score("score")[:MAX_RESULTS_PER_KIND]:
        text = next((getattr(page, name) for name in EXCERPT_FIELDS if getattr(page, name, "")), "")
        results.append(
            {
                "kind": page._meta.verbose_name,
                "title": page.title,
                "url": page.get_url(),
                "excerpt": highlighted_excerpt(text, query),
                "score": page.score,
            }
        )
    return results


def document_results(site, query):
    Document = get_document_model()
    documents = Document.objects.filter(pk__in=site_document_ids(site))
    return [
        {
            "kind": _("document"),
            "title": document.title,
            "document": document,
            "excerpt": highlighted_excerpt(document.description or document.extracted_text, query),
            "score": document.score,
        }
        for document in documents.search(query, operator="or").annotate_score("score")[
            :MAX_RESULTS_PER_KIND
        ]
    ]


def selected_filters(request, site, locale):
    axis_id = request.GET.get("axe", "")
    axes = site_pages(site, locale, AxisPage)
    axis = axes.filter(pk=axis_id).first() if axis_id.isdigit() else None
    status = request.GET.get("statut", "")
    return {
        "axis": axis,
        "status": status if status in ActionStatus.values else "",
        "axes": axes.order_by("path"),
    }


def search(request):
    """Full-text search over the live pages and published documents of the current site."""
    query = clean_query(request.GET.get("q", ""))
    result_type = request.GET.get("type", "")
    if result_type not in RESULT_TYPES:
        result_type = ""
    site = Site.find_for_request(request)
    locale = get_active_locale(request)
    filters = selected_filters(request, site, locale) if site else {"axes": []}
    results = []
    words = search_words(query)
    if words and site:
        if result_type != "document":
            results += page_results(site, locale, words, result_type, filters)
        if result_type in ("", "document"):
            results += document_results(site, words)
        results.sort(key=lambda result: result["score"] or 0, reverse=True)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": paginator.get_page(request.GET.get("page")),
            "result_type": result_type,
            "result_types": [(key, label) for key, (label, _model) in RESULT_TYPES.items()],
            "filters": filters,
            "statuses": ActionStatus.choices,
        },
    )
