"""How a cell writes what a page holds: rich text as lines, dates and sums the French way.

Each conversion goes both ways and is stable (text → value → text gives the same text),
so that a row exported then imported unchanged compares equal to the page.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from html import escape
from html.parser import HTMLParser

BULLET = re.compile(r"^[-•*–]\s+")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


class _TextExtractor(HTMLParser):
    """Rich text's paragraphs and list items, one per line; list items start with « - »."""

    BLOCKS = {"p", "li", "h2", "h3", "h4", "br"}

    def __init__(self):
        super().__init__()
        self.lines, self.current = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.end_line()
            if tag == "li":
                self.current = "- "

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.end_line()

    def handle_data(self, data):
        self.current += data

    def end_line(self):
        line = " ".join(self.current.split())
        if line and line != "-":
            self.lines.append(line)
        self.current = ""


def html_to_text(html):
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    extractor.end_line()
    return "\n".join(extractor.lines)


def text_to_html(text):
    """Lines → paragraphs; lines starting with « - » (or •, *) → a bulleted list."""
    parts, items = [], []
    for line in clean_lines(text):
        if BULLET.match(line):
            items.append(f"<li>{escape(BULLET.sub('', line), quote=False)}</li>")
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        parts.append(f"<p>{escape(line, quote=False)}</p>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def clean_lines(text):
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def rich_text_value(text):
    """The text a cell's rich text compares as: what the page would give back."""
    return html_to_text(text_to_html(text))


def parse_date(text):
    """« 04/07/2023 » or « 2023-07-04 » → date; ValueError otherwise."""
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            continue
    raise ValueError(text)


def format_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def parse_amount(text):
    """« 12 000,50 », « 12000.5 », « 5 000 € » → Decimal; ValueError otherwise."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not amount.is_finite():
        raise ValueError(text)
    return amount


def format_amount(value):
    """Decimal → « 12000 » or « 12000,5 »: no trailing zeros, a French decimal comma."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def split_list(text, separator):
    return [part.strip() for part in (text or "").split(separator) if part.strip()]
