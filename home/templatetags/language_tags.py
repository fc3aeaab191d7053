"""The languages a page exists in, for the language switcher and hreflang alternates."""

from django import template

from home.visibility import exclude_private

register = template.Library()


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """Live translations of the page (itself included), in one query, ordered by language."""
    if page is None or not hasattr(page, "get_translations"):
        return []
    translations = (
        exclude_private(page.get_translations(inclusive=True).live(), context.get("request"))
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return [
        {
            "page": translation,
            "language": translation.locale.language_code,
            "name": translation.locale.get_display_name(),
        }
        for translation in translations
    ]
