"""The languages a page exists in, for the language switcher and hreflang alternates."""

from django import template

from home.absolute_urls import full_url
from home.page_cache import cached_site_data
from home.routing import localized_root
from home.visibility import exclude_private

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """Live translations of the page (itself included), in one query, ordered by language."""
    request = context.get("request")
    if page is None or not hasattr(page, "get_translations") or not site_is_translated(request):
        return []
    translations = (
        exclude_private(page.get_translations(inclusive=True).live(), request)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return [
        {
            "page": translation,
            "full_url": full_url(request, translation),  # for hreflang alternates
            "language": translation.locale.language_code,
            "name": translation.locale.get_display_name(),
        }
        for translation in translations
    ]


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
