"""Spot links whose text means nothing out of context ("cliquez ici"), as RGAA 6.1 asks."""

import json
import re

from wagtail.fields import RichTextField, StreamField

VAGUE_LINK_TEXTS = [
    "cliquez ici",
    "cliquer ici",
    "ici",
    "en savoir plus",
    "lire la suite",
    "plus d'infos",
    "voir",
    "lien",
    "click here",
    "here",
    "read more",
]
_VAGUE = "|".join(re.escape(text) for text in VAGUE_LINK_TEXTS)
RICH_TEXT_LINK = re.compile(rf"<a\b[^>]*>\s*({_VAGUE})\s*[.!…]?\s*</a>", re.IGNORECASE)
LINK_LABEL = re.compile(rf'"label":\s*"\s*({_VAGUE})\s*"', re.IGNORECASE)


def vague_link_texts(page):
    """The vague link texts found in the page's rich text and link blocks."""
    found = []
    for field in page._meta.get_fields():
        if isinstance(field, RichTextField):
            found += RICH_TEXT_LINK.findall(getattr(page, field.name) or "")
        elif isinstance(field, StreamField):
            raw = json.dumps(field.get_prep_value(getattr(page, field.name)), ensure_ascii=False)
            # Rich text inside blocks is JSON-escaped: unescape quotes before matching.
            found += RICH_TEXT_LINK.findall(raw.replace('\\"', '"'))
            found += LINK_LABEL.findall(raw)
    return found
