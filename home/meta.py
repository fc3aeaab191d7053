"""The meta description of a page, for search engines and link previews.

The editor's « description pour les moteurs de recherche » (search_description) when
given; otherwise the page's own summary (intro, summary, lead or description, whichever
its type has), as plain text cut at a word; otherwise its own `meta_description` (legal
pages, axes).
"""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

SUMMARY_FIELDS = ("intro", "summary", "lead", "description")
MAX_LENGTH = 160


def truncate_at_word(text, max_length=MAX_LENGTH):
    """The text, or its words that fit in max_length characters followed by « … »."""
    if len(text) <= max_length:
        return text
    cut = text[: max_length - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def plain_text(html):
    # strip_tags leaves character references: "&#x27;" must read as an apostrophe.
    return " ".join(unescape(strip_tags(normalize_newlines(html))).split())


def meta_description(page):
    if not page:
        return ""
    if page.search_description:
        return page.search_description
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, str) and (text := plain_text(value)):
            return truncate_at_word(text)
    return truncate_at_word(str(getattr(page, "meta_description", "")))
