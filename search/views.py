import re

from django.core.paginator import Paginator
from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from cls.models import ActionPage, ActionStatus, AxisPage, ContractPage
from config.database import unprepared_statements
from home.routing import find_site, page_url

from .highlight import highlighted_excerpt, search_terms, terms_found
from .scope import SiteScope

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
# Words that say nothing of what is sought: SQLite's full-text search would match nearly
# every page on them (PostgreSQL's French configuration drops them itself).
STOP_WORDS = frozenset(
    "a à au aux avec ce ces d dans de des du en et la le les l leur leurs ou par pour qu que "
    "qui sa ses son sur un une".split()
)
# The fields a match ranks on before the search engine's score, most telling first: the
# title, then the summary an editor wrote (a page's description, a document's).
PAGE_RANKING_FIELDS = ("title", "search_description")
DOCUMENT_RANKING_FIELDS = ("title", "description")


def clean_query(raw):
    """The query as typed, bounded, without control characters (NUL breaks PostgreSQL)."""
    query = "".join(char for char in raw[:MAX_QUERY_LENGTH] if char.isprintable())
    return " ".join(query.split())


def search_words(query):
    """Only the words of the query: quotes and operators mean nothing to visitors and
    break the full-text syntax of SQLite and PostgreSQL. Stop words go too, unless the
    query has nothing else."""
    words = re.findall(r"\w+", query)
    return " ".join([word for word in words if word.lower() not in STOP_WORDS] or words)


def best_matches(objects, query, ranking_fields):
    """[(key, pk)] of the best matches, best first, read without building model instances
    (a Page instance costs ~0.3 ms: too much for hundreds of matches when ten are shown).

    The key ranks a match on how many of the query's words its title holds, then its
    summary, then the search engine's score: a word in a title or a summary says more
    than the same word in the body of a long text.
    """
    results = objects.search(query, operator="or").annotate_score("score")
    # get_queryset(): the ranked query of Wagtail's database backends (SQLite, PostgreSQL).
    rows = results[:MAX_RESULTS_PER_KIND].get_queryset().values_list("pk", "score", *ranking_fields)
    terms = search_terms(query)
    # SQLite's bm25() is lower for better matches; PostgreSQL's ts_rank higher.
    direction = -1 if connection.vendor == "sqlite" else 1
    return [
        ((*(terms_found(text, terms) for text in texts), direction * (score or 0)), pk)
        for pk, score, *texts in rows
    ]


def ranked_pages(scope, query, result_type, filters):
    """The best matching pages and their rank (see best_matches)."""
    pages = scope.pages(RESULT_TYPES[result_type][1] if result_type else Page)
    if result_type == "action":
        if filters["axis"]:
            pages = pages.child_of(filters["axis"])
        if filters["status"]:
            pages = pages.filter(status=filters["status"])
    return [
        {"rank": key, "page": pk} for key, pk in best_matches(pages, query, PAGE_RANKING_FIELDS)
    ]


def ranked_documents(scope, query):
    documents = get_document_model().objects.filter(pk__in=scope.document_ids)
    matches = best_matches(documents, query, DOCUMENT_RANKING_FIELDS)
    return [{"rank": key, "document": pk} for key, pk in matches]


def describe_results(request, hits, query):
    """Title, kind, link and highlighted excerpt of the results on the page shown only."""
    page_ids = [hit["page"] for hit in hits if "page" in hit]
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
    document_ids = [hit["document"] for hit in hits if "document" in hit]
    documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
    results = []
    for hit in hits:
        if "page" in hit:
            page = pages[hit["page"]]
            text = next(
                (getattr(page, name) for name in EXCERPT_FIELDS if getattr(page, name, "")), ""
            )
            results.append(
                {
                    "kind": page._meta.verbose_name,
                    "title": page.title,
                    "url": page_url(request, page),
                    "excerpt": highlighted_excerpt(text, query),
                }
            )
        else:
            document = documents[hit["document"]]
            # The description when the words are in it, else the document's own text.
            matched = terms_found(document.description, search_terms(query))
            text = (
                document.extracted_text
                if document.extracted_text and not matched
                else (document.description)
            )
            results.append(
                {
                    "kind": _("document"),
                    "title": document.title,
                    "document": document,
                    "excerpt": highlighted_excerpt(text, query, is_html=False),
                }
            )
    return results


def selected_filters(request, scope):
    axes = scope.cached(
        "axes", lambda: list(scope.pages(AxisPage).only("title", "path", "depth").order_by("path"))
    )
    axis_id = request.GET.get("axe", "")
    status = request.GET.get("statut", "")
    return {
        "axis": next((axis for axis in axes if str(axis.pk) == axis_id), None),
        "status": status if status in ActionStatus.values else "",
        "axes": axes,
    }


def search(request):
    """Full-text search over the live pages and published documents of the current site."""
    query = clean_query(request.GET.get("q", ""))
    result_type = request.GET.get("type", "")
    if result_type not in RESULT_TYPES:
        result_type = ""
    site = find_site(request)
    scope = SiteScope(request) if site else None
    filters = selected_filters(request, scope) if scope else {"axes": []}
    hits = []
    words = search_words(query)
    if words and site:
        with unprepared_statements():
            if result_type != "document":
                hits += ranked_pages(scope, words, result_type, filters)
            if result_type in ("", "document"):
                hits += ranked_documents(scope, words)
        hits.sort(key=lambda hit: hit["rank"], reverse=True)
    results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = describe_results(request, results.object_list, words)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "result_type": result_type,
            "result_types": [(key, label) for key, (label, _model) in RESULT_TYPES.items()],
            "filters": filters,
            "statuses": ActionStatus.choices,
        },
    )
