"""Excerpts of search results with the searched words marked, accent- and case-insensitively."""

import functools
import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 220
MIN_TERM_LENGTH = 2


def fold(word):
    """The word without accents, in lower case ("Été" → "ete")."""
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


def terms_found(text, terms):
    """How many of the (folded) terms begin a word of `text`, whatever its accents and case."""
    words = re.findall(r"\w+", fold(text or ""))
    return sum(1 for term in terms if any(word.startswith(term) for word in words))


# The letters a folded term stands for: "depist" finds "Dépistage" (case is ignored too).
ACCENTED_LETTERS = {
    "a": "aàâäáãå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóòõ",
    "u": "uùûüú",
    "y": "yÿý",
}


@functools.lru_cache(maxsize=256)
def words_starting_with(terms):
    """A pattern of the words beginning with one of the (folded) terms, whatever their accents.

    One regular expression over the text instead of folding each of its words in Python:
    the text of a document can be long.
    """
    alternatives = [
        "".join(
            f"[{ACCENTED_LETTERS[letter]}]" if letter in ACCENTED_LETTERS else re.escape(letter)
            for letter in term
        )
        for term in sorted(terms, key=len, reverse=True)
    ]
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\w*", re.IGNORECASE)


def match_spans(text, terms):
    """(start, end) spans of the words of `text` that begin with one of the terms."""
    if not terms:
        return []
    return [match.span() for match in words_starting_with(frozenset(terms)).finditer(text)]


def plain_text(value, is_html):
    text = str(value or "")
    if is_html:
        text = html.unescape(strip_tags(text))
    # Composed accents (NFC), as the pattern expects: "é", not "e" and a combining accent.
    return " ".join(unicodedata.normalize("NFC", text).split())


def highlighted_excerpt(value, query, is_html=True):
    """Escaped excerpt of `value` around its first match, matches wrapped in <mark>.

    `value` is HTML (rich text, whose tags are dropped) unless `is_html` is false (the
    text extracted from a document: stripping tags from it would only cost time).
    """
    text = plain_text(value, is_html)
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
