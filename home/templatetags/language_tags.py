"""The languages a page exists in, for the language switcher and hreflang alternates."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from home.absolute_urls import full_url
from home.page_cache import cached_site_data
from home.routing import localized_root, page_url, routed_ancestors
from home.visibility import exclude_private

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """The page in each language the site is published in, in one query, by language.

    A visitor switching language stays where they are: on a routable page's sub-route
    (a contract's tracker, a commune, the agenda's archives or an event), with the same
    query string (the tracker's filters). Where the page is not translated, the switcher
    leads to its nearest translated ancestor (`is_fallback`: not an hreflang alternate,
    the content differs).
    """
    request = context.get("request")
    if page is None or not hasattr(page, "get_translations") or not site_is_translated(request):
        return []
    nearest = nearest_translations(request, page)
    subroute, query = current_subroute(request, page)
    languages = []
    for translation in sorted(nearest.values(), key=lambda p: p.locale.language_code):
        is_fallback = translation.translation_key != page.translation_key
        suffix = ""
        if not is_fallback and (subroute or query):
            suffix = subroute_in(page, translation, subroute) + query
        absolute = full_url(request, translation)
        languages.append(
            {
                "page": translation,
                "url": page_url(request, translation, localize=False) + suffix,
                "full_url": absolute and absolute + suffix,  # for hreflang alternates
                "language": translation.locale.language_code,
                "name": translation.locale.get_display_name(),
                "is_fallback": is_fallback,
            }
        )
    # hreflang alternates: the page's own versions, when there are several.
    versions = [language for language in languages if not language["is_fallback"]]
    for language in versions:
        language["is_alternate"] = len(versions) > 1
    return languages


def nearest_translations(request, page):
    """For each language, the live, public translation of the page or else of its
    nearest ancestor: one query for the page and its ancestors (known from routing)."""
    ancestors = routed_ancestors(request, page)
    if ancestors is None:
        ancestors = list(page.get_ancestors())
    depths = {ancestor.translation_key: ancestor.depth for ancestor in [*ancestors, page]}
    found = exclude_private(
        Page.objects.live().filter(translation_key__in=depths).select_related("locale"), request
    )
    nearest = {}
    for candidate in found:
        best = nearest.get(candidate.locale_id)
        if best is None or depths[candidate.translation_key] > depths[best.translation_key]:
            nearest[candidate.locale_id] = candidate
    return nearest


def current_subroute(request, page):
    """What the request's path adds to the page's own URL ("suivi/", "archives/"), and
    its query string ("?axe=axe-2"), or empty strings."""
    if request is None:
        return "", ""
    own_url = page_url(request, page, localize=False)
    subroute = request.path[len(own_url) :] if request.path.startswith(own_url) else ""
    query = request.META.get("QUERY_STRING", "")
    return subroute, f"?{query}" if query else ""


def subroute_in(page, translation, subroute):
    """The sub-route in the translation: the same, unless the page type says otherwise
    (an agenda's event has another id in each language)."""
    translate = getattr(page, "subroute_in_translation", None)
    return translate(subroute, translation) if translate and subroute else subroute


def site_is_translated(request):
    """Whether the site's home page is live in another language (cached with the site's data).

    A page is translated only once its parent is: when the home page is not, no page of
    the site is, and a single-language site needs no translation query on every page.
    """
    root = localized_root(request) if request is not None else None
    if root is None:
        return True  # outside a site: ask the page itself
    return cached_site_data(
        request, "site-translated", lambda: root.get_translations().live().exists()
    )


@register.simple_tag
def lang_if_other(language=None):
    """` lang="fr"` when `language` (by default the site's source language: that of texts
    not translated, like a document's description or the publisher's name) is not the
    page's, so that screen readers read the text in its own language."""
    language = language or settings.LANGUAGE_CODE
    return format_html(' lang="{}"', language) if language != get_language() else ""
