"""Read the text of an uploaded document so that the site search finds what it says.

Runs in a task (see tasks.py), never in the request. Every limit comes from settings:
DOCUMENTS_EXTRACTION_MAX_PAGES, DOCUMENTS_EXTRACTION_MAX_CHARS and
DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS. A damaged or protected file never raises: the
result says the extraction failed, and why, in words an editor understands.
"""

import html
import logging
import re
import time
import zipfile
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Office files are zip archives: never inflate more than this (zip bombs).
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024

# The archive members holding the text of each office format, in reading order.
OFFICE_TEXT_PARTS = {
    "docx": re.compile(r"word/document\.xml"),
    "pptx": re.compile(r"ppt/slides/slide(\d+)\.xml"),
    "xlsx": re.compile(r"xl/sharedStrings\.xml"),
    "odt": re.compile(r"content\.xml"),
    "ods": re.compile(r"content\.xml"),
    "odp": re.compile(r"content\.xml"),
}
# Closing tags of paragraphs (Word, PowerPoint, OpenDocument) and spreadsheet strings.
XML_PARAGRAPH_END = re.compile(r"</(?:w:p|a:p|text:p|text:h|si)>")
XML_SPACING = re.compile(r"<(?:w:tab|w:br|text:tab|text:s|text:line-break)\b[^>]*>")
XML_TAG = re.compile(r"<[^>]*>")
BLANKS = re.compile(r"[ \t\r\f\v]+")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("En attente")
    DONE = "done", gettext_lazy("Texte extrait")
    FAILED = "failed", gettext_lazy("Échec")
    UNSUPPORTED = "unsupported", gettext_lazy("Format non pris en charge")


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""
    message: str = ""


class ExtractionFailed(Exception):
    """A file we cannot read, with the reason shown to editors."""


class Limits:
    """The bounds of one extraction; `exceeded` notes which one cut the text short."""

    def __init__(self):
        self.max_pages = settings.DOCUMENTS_EXTRACTION_MAX_PAGES
        self.max_chars = settings.DOCUMENTS_EXTRACTION_MAX_CHARS
        self.deadline = time.monotonic() + settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS
        self.exceeded = ""

    def out_of_time(self):
        if time.monotonic() > self.deadline:
            self.exceeded = _("la durée maximale de lecture est atteinte")
        return bool(self.exceeded)


def extract_text(file, extension):
    """Return the Extraction of an open binary file whose name ends with `extension`."""
    extension = extension.lower()
    reader = READERS.get(extension)
    if reader is None:
        return Extraction(
            ExtractionStatus.UNSUPPORTED,
            message=_("Le texte des fichiers .%(extension)s n'est pas lu.")
            % {"extension": extension},
        )
    limits = Limits()
    try:
        text = reader(file, limits)
    except ExtractionFailed as failure:
        return Extraction(ExtractionStatus.FAILED, message=str(failure))
    except Exception:
        # Parsers raise all kinds of errors on damaged files; none may reach the worker.
        logger.warning("Text extraction failed for a .%s file", extension, exc_info=True)
        return Extraction(
            ExtractionStatus.FAILED, message=_("Le fichier est endommagé ou illisible.")
        )
    text = clean_text(text)
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        limits.exceeded = _("le nombre maximal de caractères est atteint")
    message = ""
    if limits.exceeded:
        message = _("Texte tronqué : %(reason)s.") % {"reason": limits.exceeded}
    return Extraction(ExtractionStatus.DONE, text=text, message=message)


def clean_text(text):
    # PostgreSQL refuses NUL characters in text columns; PDFs sometimes contain them.
    text = BLANKS.sub(" ", text.replace("\x00", ""))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def read_pdf(file, limits):
    reader = PdfReader(file)
    # Many PDFs are "protected" with an empty user password and open without one.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionFailed(
            _("Le PDF est protégé par un mot de passe : son texte ne peut pas être lu.")
        )
    pages = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number == limits.max_pages:
            limits.exceeded = ngettext(
                "seule la première page est lue",
                "seules les %(count)s premières pages sont lues",
                limits.max_pages,
            ) % {"count": limits.max_pages}
            break
        # A single page cannot be interrupted; the time limit applies between pages.
        if limits.out_of_time():
            break
        pages.append(page.extract_text() or "")
        length += len(pages[-1])
        if length > limits.max_chars:
            break
    return "\n".join(pages)


def read_office_document(file, limits, extension):
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile as error:
        raise ExtractionFailed(_("Le fichier est endommagé ou illisible.")) from error
    with archive:
        pattern = OFFICE_TEXT_PARTS[extension]
        parts = sorted(
            (match for name in archive.namelist() if (match := pattern.fullmatch(name))),
            key=lambda match: int(match.group(1)) if match.groups() else 0,
        )
        texts = []
        budget = MAX_UNCOMPRESSED_BYTES
        for part in parts:
            if budget <= 0 or limits.out_of_time():
                break
            with archive.open(part.group(0)) as member:
                xml = member.read(budget).decode("utf-8", errors="replace")
            budget -= len(xml)
            texts.append(xml_to_text(xml))
    return "\n".join(texts)


def xml_to_text(xml):
    # Office XML is only stripped of its tags, never parsed: no entity expansion attacks.
    xml = XML_PARAGRAPH_END.sub("\n", xml)
    xml = XML_SPACING.sub(" ", xml)
    return html.unescape(XML_TAG.sub("", xml))


def read_plain_text(file, limits):
    data = file.read(limits.max_chars * 4)  # at most 4 bytes per character in UTF-8
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older Windows exports


READERS = {
    "pdf": read_pdf,
    "txt": read_plain_text,
    "csv": read_plain_text,
    **{
        extension: partial(read_office_document, extension=extension)
        for extension in OFFICE_TEXT_PARTS
    },
}
