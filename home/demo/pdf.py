"""Tagged PDF files for the demo documents, written from text with fpdf2's core fonts.

fpdf2 writes the document's language, title and outline (bookmarks), but only tags what it
draws itself (images, and its own section titles as figures). TaggedPDF tags every heading
(H1 to H3) and paragraph (P) of the text and marks the running footer as an artifact,
through fpdf2's structure tree builder: an internal API of fpdf2 (fpdf/structure_tree.py),
so tests/test_demo_documents.py reads the tree back from the file.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.prefs import ViewerPreferences

# Windows-1252 covers French typography (« », œ, ’, –, …) but not these spaces.
UNSUPPORTED_CHARACTERS = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2011": "-"})
# A fixed date: the same text always gives the same file.
CREATION_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
MARGIN = 20  # mm
BODY_SIZE = 11  # pt
# Heading level: (tag, font size in pt, space before in mm)
HEADINGS = {1: ("H1", 20, 0), 2: ("H2", 15, 6), 3: ("H3", 12.5, 4)}


@dataclass(frozen=True)
class Section:
    """A numbered part of a document: its heading, paragraphs, bullets and subsections."""

    heading: str
    paragraphs: tuple = ()
    bullets: tuple = ()
    subsections: tuple = ()


@dataclass(frozen=True)
class Document:
    """A document with a title page (title, subtitle, notice) and a table of contents.

    `notice` says what the document is (for the demo: a reconstruction); it is shown on
    the title page and, shortened to `footer`, at the foot of every page.
    """

    title: str
    subtitle: str
    notice: str
    footer: str
    sections: tuple
    author: str = ""
    language: str = "fr"


class TaggedPDF(FPDF):
    def __init__(self, title, author="", language="fr", footer_text=""):
        super().__init__(format="A4")
        self.core_fonts_encoding = "windows-1252"
        self.set_title(title)
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)  # not the file name
        self.set_author(author)
        self.set_lang(language)
        self.set_creator("Site CLS (home/demo/pdf.py)")
        self.set_creation_date(CREATION_DATE)
        self.set_margins(MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.footer_text = footer_text

    @contextmanager
    def tagged(self, tag):
        """Content drawn inside is one structure element (H1, P…) of the current page."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        self._add_marked_content(struct_type=f"/{tag}", mcid=mcid)
        self._out(f"/{tag} <</MCID {mcid}>> BDC")
        yield
        self._out("EMC")

    def footer(self):
        if not self.footer_text:
            return
        self._out("/Artifact BMC")  # not read aloud: the same on every page
        self.set_y(-MARGIN + 5)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, plain(self.footer_text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="R")
        self._out("EMC")

    def text_block(self, tag, text, size=BODY_SIZE, style="", after=2.5, link=None):
        """Wrapped text as one tagged element per page it spans."""
        self.set_font("Helvetica", style, size)
        height = size * 0.5
        lines = self.wrap(plain(text))
        index = 0
        while index < len(lines):
            if self.will_page_break(height):
                self.add_page()
            with self.tagged(tag):
                while index < len(lines) and not self.will_page_break(height):
                    self.cell(0, height, lines[index], link=link or "")
                    self.ln(height)
                    index += 1
        self.ln(after)

    def wrap(self, text):
        """The lines of `text` within the page's width, in the current font."""
        lines, line = [], ""
        for word in text.split(" "):
            longer = f"{line} {word}" if line else word
            if line and self.get_string_width(longer) > self.epw:
                lines.append(line)
                line = word
            else:
                line = longer
        return [*lines, line] if line else lines

    def heading(self, text, level, outline=True):
        tag, size, before = HEADINGS[level]
        if self.will_page_break(before + size * 0.5 + 3 * BODY_SIZE * 0.5):
            self.add_page()  # never a heading alone at the foot of a page
        elif self.get_y() > MARGIN:
            self.ln(before)
        if outline:
            self.start_section(plain(text), level=level - 2)  # H2: the outline's top level
        self.text_block(tag, text, size=size, style="B", after=2)


def plain(text):
    return " ".join(text.translate(UNSUPPORTED_CHARACTERS).split())


def numbered(sections, prefix=""):
    """(number, level, section) for each section and subsection, in reading order."""
    for position, section in enumerate(sections, start=1):
        number = f"{prefix}{position}"
        yield number, 2 if not prefix else 3, section
        yield from numbered(section.subsections, prefix=f"{number}.")


def render(document, toc_pages):
    """The PDF and the page of each numbered section (`toc_pages`: from a previous pass)."""
    pdf = TaggedPDF(document.title, document.author, document.language, document.footer)
    pdf.add_page()
    pdf.ln(40)
    pdf.heading(document.title, 1, outline=False)
    pdf.text_block("P", document.subtitle, size=13, after=12)
    pdf.text_block("P", document.notice, style="I")

    pdf.add_page()
    pdf.heading("Sommaire", 2, outline=False)
    entries = list(numbered(document.sections))
    for (number, level, section), page in zip(entries, toc_pages, strict=False):
        indent = "    " if level == 3 else ""
        pdf.text_block(
            "P",
            f"{indent}{number}. {section.heading} – page {page}",
            after=1,
            link=page_link(pdf, page),
        )

    pages = []
    pdf.add_page()
    for number, level, section in entries:
        pdf.heading(f"{number}. {section.heading}", level)
        pages.append(pdf.page_no())
        for paragraph in section.paragraphs:
            pdf.text_block("P", paragraph)
        for bullet in section.bullets:
            pdf.text_block("P", f"• {bullet}", after=1)
    return bytes(pdf.output()), pages


def page_link(pdf, page):
    return pdf.add_link(page=page) if isinstance(page, int) else None


def document_pdf(document):
    """The bytes of a document's PDF: laid out twice, the second time with the page
    numbers of the table of contents (it takes one page, so they do not move)."""
    _draft, pages = render(document, ["…"] * len(list(numbered(document.sections))))
    data, final_pages = render(document, pages)
    if final_pages != pages:
        raise ValueError("The table of contents is longer than a page: it moved the sections.")
    return data


def make_pdf(title, paragraphs, author=""):
    """A short PDF: a title and paragraphs, tagged (tests and one-page documents)."""
    pdf = TaggedPDF(title, author)
    pdf.add_page()
    pdf.heading(title, 1, outline=False)
    for paragraph in paragraphs:
        pdf.text_block("P", paragraph)
    return bytes(pdf.output())
