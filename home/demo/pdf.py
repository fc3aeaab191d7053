"""Small but real PDF files, with extractable text, for the demo documents."""

import datetime

from fpdf import FPDF

# The PDF core fonts only cover Latin-1: map the few typographic characters outside it.
LATIN1_REPLACEMENTS = str.maketrans(
    {"’": "'", "œ": "oe", "Œ": "OE", "–": "-", "—": "-", "…": "..."}
)


def latin1(text):
    return text.translate(LATIN1_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def make_pdf(title, paragraphs, author=""):
    """Return the bytes of a one- or few-page A4 PDF with a title and paragraphs."""
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(author))
    pdf.set_lang("fr")
    # A fixed date: the same text always gives the same file.
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())
