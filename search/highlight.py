"""Excerpts of search results with the searched words marked, accent- and case-insensitively."""

import functools
import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 220
MIN_TERM_LENGTH = 2


@functools.lru_cache(maxsize=8192)
def fold(word):
    """The word without accents, in lower case ("Été" → "ete"); texts repeat their words."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def search_terms(query):
    """Words of the query, folded, with a plural "s"/"x" dropped to match the singular too."""
    terms = set()
    for word in re.findall(r"\w+", fold(query)):
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        if len(word) >= MIN_TERM_LENGTH:
            terms.add(word)
    return terms


def match_spans(text, terms):
    """(start, end) spans of the words of `text` that begin with one of the terms."""
    prefixes = tuple(terms)
    return [
        word.span() for word in re.finditer(r"\w+", text) if fold(word.group()).startswith(prefixes)
    ]


def plain_text(value):
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def highlighted_excerpt(value, query):
    """Escaped excerpt of `value` around its first match, matches wrapped in <mark>."""
    text = plain_text(value)
    spans = match_spans(text, search_terms(query))
    start = 0
    if spans and spans[0][0] > EXCERPT_LENGTH // 3:
        start = text.rfind(" ", 0, spans[0][0] - EXCERPT_LENGTH // 3) + 1
    end = len(text)
    if end - start > EXCERPT_LENGTH:
        end = text.rfind(" ", start, start + EXCERPT_LENGTH)
        end = end if end > start else start + EXCERPT_LENGTH
    pieces = ["… " if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces += [
            escape(text[position:span_start]),
            "<mark>",
            escape(text[span_start:span_end]),
            "</mark>",
        ]
        position = span_end
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above
