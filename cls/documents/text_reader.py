"""Reads the text of one document, in a child process with hard limits (see extraction.py).

    python -I text_reader.py EXTENSION MAX_PAGES MAX_CHARS MAX_MEMORY_MB CPU_SECONDS < file

Imports neither Django nor the project. Before reading, it limits its own address space
(RLIMIT_AS) and CPU time (RLIMIT_CPU); the parent also kills it at the wall-clock limit.
One JSON object per line on its output: {"text": …} for each part read (a PDF page, an
office archive member), then {"end": "complete" | "pages" | "chars"} or {"error":
"damaged" | "encrypted" | "memory"}. The parent keeps the parts printed before a kill.
"""

import html
import io
import json
import re
import resource
import sys
import zipfile
from functools import partial

from pypdf import PdfReader

# The exit status when memory ran out outside the parsers.
OUT_OF_MEMORY = 3
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


class Unreadable(Exception):
    """The file cannot be read; args[0] is the reason ("damaged", "encrypted")."""


def read_pdf(file, max_pages, max_chars):
    """The text of each page; "pages" as the last item when there are more."""
    reader = PdfReader(file)
    # Many PDFs are "protected" with an empty user password and open without one.
    if reader.is_encrypted and not reader.decrypt(""):
        raise Unreadable("encrypted")
    for number, page in enumerate(reader.pages):
        if number == max_pages:
            yield "pages"
            return
        yield page.extract_text() or ""


def read_office_document(file, max_pages, max_chars, extension):
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile as error:
        raise Unreadable("damaged") from error
    with archive:
        pattern = OFFICE_TEXT_PARTS[extension]
        parts = sorted(
            (match for name in archive.namelist() if (match := pattern.fullmatch(name))),
            key=lambda match: int(match.group(1)) if match.groups() else 0,
        )
        budget = MAX_UNCOMPRESSED_BYTES
        for part in parts:
            if budget <= 0:
                return
            with archive.open(part.group(0)) as member:
                xml = member.read(budget).decode("utf-8", errors="replace")
            budget -= len(xml)
            yield xml_to_text(xml)


def xml_to_text(xml):
    # Office XML is only stripped of its tags, never parsed: no entity expansion attacks.
    xml = XML_PARAGRAPH_END.sub("\n", xml)
    xml = XML_SPACING.sub(" ", xml)
    return html.unescape(XML_TAG.sub("", xml))


def read_plain_text(file, max_pages, max_chars):
    data = file.read(max_chars * 4)  # at most 4 bytes per character in UTF-8
    try:
        yield data.decode("utf-8")
    except UnicodeDecodeError:
        yield data.decode("cp1252", errors="replace")  # older Windows exports


READERS = {
    "pdf": read_pdf,
    "txt": read_plain_text,
    "csv": read_plain_text,
    **{
        extension: partial(read_office_document, extension=extension)
        for extension in OFFICE_TEXT_PARTS
    },
}


def read(file, extension, max_pages, max_chars):
    """The records to print: the parts' text, then how reading ended."""
    length = 0
    ending = {"end": "complete"}
    try:
        for part in READERS[extension](file, max_pages, max_chars):
            if part == "pages":
                ending = {"end": "pages"}
                break
            yield {"text": part}
            length += len(part)
            if length > max_chars:
                ending = {"end": "chars"}
                break
    except Unreadable as error:
        ending = {"error": error.args[0]}
    except MemoryError:
        ending = {"error": "memory"}
    except Exception:
        # Parsers raise all kinds of errors on damaged files.
        ending = {"error": "damaged"}
    # Outside the handlers: the failed parser's memory is released before printing.
    yield ending


def limit_resources(max_memory_mb, cpu_seconds):
    memory = max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def main(extension, max_pages, max_chars, max_memory_mb, cpu_seconds):
    limit_resources(int(max_memory_mb), int(cpu_seconds))
    try:
        file = io.BytesIO(sys.stdin.buffer.read())
        for record in read(file, extension, int(max_pages), int(max_chars)):
            # Each part as soon as it is read: a kill at the time limit keeps what came before.
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()
    except MemoryError:  # even printing failed
        sys.exit(OUT_OF_MEMORY)


if __name__ == "__main__":
    main(*sys.argv[1:])
