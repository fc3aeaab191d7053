"""The languages a page exists in, for the language switcher and hreflang alternates."""

from django import template

register = template.Library()


@register.simple_tag
def page_translations(page):
    """Live translations of the page (itself included), in one query, ordered by language."""
    if page is None or not hasattr(page, "get_translations"):
        return []
    translations = (
        page.get_translations(inclusive=True)
        .live()
        .public()
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
