"""French typography, applied to the text of French pages as they are rendered.

Editors type ordinary spaces (or none) before « : ; ! ? », « 1 juin », « 18h30 »; the
pages show what French typography asks for, whatever was typed:

- a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before :
  and inside « », so no punctuation mark or guillemet is left alone at a line start;
- « 1er » for the first day of a month;
- one time format, « 18 h 30 » and « 9 h » (from 18h30, 18:30, 9h, 09:00…);
- the typographic apostrophe « ’ » for a straight one between two letters (« l’axe »);

Only text is touched: never tags, attribute values (links, image addresses), the
contents of <code>, <pre>, <kbd>, <samp>, <script>, <style> or <textarea> (a visitor's
message shown again), nor web or e-mail addresses written in the text. English pages
are left as they are.
"""

import re

from django.conf import settings
from django.utils import translation

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
SPACES = " \u00a0\u202f"

UNTOUCHED_ELEMENT = re.compile(
    r"(<(code|kbd|pre|samp|script|style|textarea)\b.*?</\2>|<!--.*?-->)", re.DOTALL | re.IGNORECASE
)
# The text between two tags (templates and rich text escape ">" inside attributes) that
# holds a mark the rules look at.
TEXT_NODE = re.compile(r"(?:^|(?<=>))[^<;:!?«»'\d]*[;:!?«»'\d][^<]*")
# Character references stay as they are (the ";" ending "&amp;" is no punctuation), and so
# do addresses written in the text.
UNTOUCHED_TEXT = re.compile(
    r"(&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"
    r"|(?:https?://|www\.)[^\s<]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FIRST_OF_MONTH = re.compile(rf"(?<![\w,.])1(\s)(?=(?:{MONTHS})\b)")
# 18h30, 18 h 30, 18H30, 18:30 (not 18:30:00, not a date-time 2026-06-01T18:30).
HOUR_AND_MINUTES = re.compile(
    r"(?<![\w:.,])([01]?\d|2[0-3])[ \u00a0\u202f]?[hH:][ \u00a0\u202f]?([0-5]\d)(?![\d:])"
)
HOUR_ONLY = re.compile(r"(?<![\w:.,])([01]?\d|2[0-3])[ \u00a0\u202f]?[hH](?!\w)")
# Django escapes the apostrophes it prints; between two tags they can be written as is.
ESCAPED_APOSTROPHE = re.compile(r"&#(?:39|[xX]27);")
APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
OPENING_GUILLEMET = re.compile(r"«\s*")
CLOSING_GUILLEMET = re.compile(r"\s*»")
# A mark right after a word, or at the start of a text (after a tag), with or without a
# space, and followed by a space, the end, or more punctuation (not « a?b »).
AFTER = r"(?=\s|$|[»)\].,;:!?…\"’'])"
BEFORE = rf"(?:(?<=[^\s;:!?«{NBSP}{NARROW_NBSP}])|^)[{SPACES}]*"
HIGH_PUNCTUATION = re.compile(rf"{BEFORE}([;!?]){AFTER}")
COLON = re.compile(rf"{BEFORE}:{AFTER}")


def format_time(match):
    hour, minutes = int(match[1]), match[2]
    return f"{hour}{NBSP}h" if minutes == "00" else f"{hour}{NBSP}h{NBSP}{minutes}"


def french_words(text):
    """French typography for a piece of plain text (no tags, no character references).
    Each rule runs only on a text holding its mark: most texts hold none."""
    if "1" in text:
        text = FIRST_OF_MONTH.sub(r"1er\1", text)
    if "h" in text or "H" in text or ":" in text:
        text = HOUR_AND_MINUTES.sub(format_time, text)
        text = HOUR_ONLY.sub(lambda match: f"{int(match[1])}{NBSP}h", text)
    if "'" in text:
        text = APOSTROPHE.sub("’", text)
    if "«" in text:
        text = OPENING_GUILLEMET.sub("«" + NBSP, text)
    if "»" in text:
        text = CLOSING_GUILLEMET.sub(NBSP + "»", text)
    if ";" in text or "!" in text or "?" in text:
        text = HIGH_PUNCTUATION.sub(NARROW_NBSP + r"\1", text)
    if ":" in text:
        text = COLON.sub(NBSP + ":", text)
    return text


def french_text(text):
    """French typography for the text between two tags of an HTML document."""
    text = text.replace("&nbsp;", NBSP)
    if "&#" in text:
        text = ESCAPED_APOSTROPHE.sub("'", text)
    if "&" not in text and "/" not in text and "@" not in text and "www." not in text:
        return french_words(text)
    parts = UNTOUCHED_TEXT.split(text)
    # split() alternates text and the untouched matches: only even parts are words.
    parts[::2] = [french_words(part) for part in parts[::2]]
    return "".join(parts)


def french_typography(html):
    """French typography for the text of an HTML document or fragment."""
    parts = UNTOUCHED_ELEMENT.split(html)
    # split() returns text, untouched element, its name, text…: every third part is text.
    for index in range(0, len(parts), 3):
        parts[index] = TEXT_NODE.sub(lambda node: french_text(node[0]), parts[index])
    return "".join(part for position, part in enumerate(parts) if position % 3 != 2)


class FrenchTypographyMiddleware:
    """French typography on the HTML of French public pages (not the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAIL_ADMIN_PATH

    def __call__(self, request):
        response = self.get_response(request)
        if (
            translation.get_language() == "fr"
            and not request.path.startswith(self.admin_prefix)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            response.content = french_typography(response.content.decode(response.charset))
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
