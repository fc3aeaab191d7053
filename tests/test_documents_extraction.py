"""The text of uploaded files is read for search, within bounds, whatever the file."""

import datetime
import io
import time
import zipfile
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from cls.documents.extraction import ExtractionStatus, extract_text
from cls.documents.filename_dates import date_from_filename
from cls.models import SiteDocument
from cls.templatetags.document_tags import document_size
from home.demo.pdf import make_pdf


def extract(data, extension):
    return extract_text(io.BytesIO(data), extension)


def office_file(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in members.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def test_a_pdf_gives_its_text():
    result = extract(
        make_pdf("Compte-rendu du 2 octobre 2014", ["Ordre du jour : diagnostic."]), "pdf"
    )
    assert result.status == ExtractionStatus.DONE
    assert "Compte-rendu du 2 octobre 2014" in result.text
    assert "Ordre du jour : diagnostic." in result.text
    assert result.message == ""


def test_a_word_document_gives_its_paragraphs():
    xml = (
        "<w:document><w:body><w:p><w:r><w:t>Groupe « Mieux vieillir »</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Pr&#233;sents : 12 &amp; excus&#233;s</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    result = extract(office_file({"word/document.xml": xml}), "docx")
    assert result.status == ExtractionStatus.DONE
    assert result.text == "Groupe « Mieux vieillir »\nPrésents : 12 & excusés"


def test_an_opendocument_text_gives_its_headings_and_paragraphs():
    xml = (
        "<office:document-content><office:body><office:text>"
        "<text:h>Diagnostic</text:h><text:p>Une offre<text:s/>de soins fragile.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    result = extract(office_file({"content.xml": xml, "styles.xml": "<x>styles</x>"}), "odt")
    assert result.text == "Diagnostic\nUne offre de soins fragile."


def test_presentation_slides_are_read_in_order():
    slides = {
        f"ppt/slides/slide{n}.xml": f"<p:sld><a:p><a:t>Diapo {n}</a:t></a:p></p:sld>"
        for n in (10, 2, 1)
    }
    assert extract(office_file(slides), "pptx").text == "Diapo 1\nDiapo 2\nDiapo 10"


def test_a_damaged_office_file_is_flagged_not_raised():
    result = extract(b"PK\x03\x04 not really a zip", "docx")
    assert result.status == ExtractionStatus.FAILED
    assert result.message == "Le fichier est endommagé ou illisible."


def test_a_windows_csv_export_is_read():
    result = extract("Commune;Médecins\nRuffec;4\n".encode("cp1252"), "csv")
    assert result.text == "Commune;Médecins\nRuffec;4"


def test_formats_without_a_reader_are_flagged_unsupported():
    result = extract(b"\xd0\xcf\x11\xe0", "doc")
    assert result.status == ExtractionStatus.UNSUPPORTED
    assert result.message == "Le texte des fichiers .doc n'est pas lu."


def test_only_the_first_pages_are_read(settings):
    settings.DOCUMENTS_EXTRACTION_MAX_PAGES = 1
    long_pdf = make_pdf(
        "Contrat", [f"Article {n} : " + "engagement des signataires. " * 20 for n in range(40)]
    )
    result = extract(long_pdf, "pdf")
    assert result.status == ExtractionStatus.DONE
    assert "Article 0" in result.text
    assert "Article 39" not in result.text
    assert result.message == "Texte tronqué : seule la première page est lue."


def test_the_stored_text_is_bounded(settings):
    settings.DOCUMENTS_EXTRACTION_MAX_CHARS = 100
    result = extract(make_pdf("Diagnostic", ["Une phrase du diagnostic. " * 30]), "pdf")
    assert len(result.text) == 100
    assert result.message == "Texte tronqué : le nombre maximal de caractères est atteint."


def expanding_pdf(*page_contents):
    """A PDF whose pages draw the given content streams, stored compressed: a few
    kilobytes that expand to megabytes of text operations, as in the 41 KB PDF that held
    a worker for 22.6 s inside one page."""
    page_numbers = [4 + 2 * index for index in range(len(page_contents))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % number for number in page_numbers), len(page_numbers)),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for number, content in zip(page_numbers, page_contents, strict=True):
        packed = zlib.compress(content, 9)
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1)
        )
        objects[number + 1] = b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (
            len(packed),
            packed,
        )
    pdf = io.BytesIO(b"%PDF-1.4\n")
    pdf.seek(0, io.SEEK_END)
    offsets = []
    for number in sorted(objects):
        offsets.append(pdf.tell())
        pdf.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = pdf.tell()
    pdf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    pdf.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    pdf.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    pdf.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return pdf.getvalue()


def text_operations(words, copies=1):
    return b"BT /F1 12 Tf 10 10 Td (%s) Tj ET\n" % words.encode() * copies


# 100,000 text operations on one page: 12 KB stored, 8 s and 200 MB to read here.
HUGE_PAGE = text_operations("Diagnostic", copies=100_000)


def test_a_small_pdf_expanding_to_a_huge_page_is_stopped_at_the_time_limit(settings):
    settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS = 1
    pdf = expanding_pdf(text_operations("Ordre du jour : diagnostic."), HUGE_PAGE)
    assert len(pdf) < 20_000

    began = time.monotonic()
    result = extract(pdf, "pdf")

    assert time.monotonic() - began < 5  # 8 s to read the whole page here
    assert result.status == ExtractionStatus.EXCEEDED
    assert result.text == "Ordre du jour : diagnostic."  # the page read before the limit
    assert result.message == (
        "Lecture arrêtée au bout de 1 s (durée maximale) ; seul le texte lu avant est cherchable."
    )


def test_a_pdf_needing_more_memory_than_allowed_is_stopped(settings):
    settings.DOCUMENTS_EXTRACTION_MAX_MEMORY_MB = 120  # the reader alone takes about 55
    result = extract(expanding_pdf(HUGE_PAGE), "pdf")

    assert result.status == ExtractionStatus.EXCEEDED
    assert result.text == ""
    assert result.message == (
        "Lecture arrêtée : le fichier demande plus de 120 Mo de mémoire (maximum) ; "
        "le texte du fichier n'est pas cherchable."
    )


def test_the_admin_shows_that_a_file_exceeded_the_limits(db, client, settings):
    settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS = 1
    client.force_login(get_user_model().objects.create_superuser("doc", "d@example.org", "x"))
    client.post(
        "/admin/documents/add/",
        {
            "title": "Diagnostic illisible",
            "file": SimpleUploadedFile("diagnostic.pdf", expanding_pdf(HUGE_PAGE)),
            "collection": Collection.get_first_root_node().pk,
            "document_type": "diagnostic",
            "language": "fr",
        },
    )
    document = SiteDocument.objects.get(title="Diagnostic illisible")

    html = client.get(f"/admin/documents/edit/{document.pk}/").content.decode()

    assert document.extraction_status == ExtractionStatus.EXCEEDED
    assert (
        "Limite dépassée : Lecture arrêtée au bout de 1 s (durée maximale) ; "
        "le texte du fichier n&#x27;est pas cherchable."
    ) in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CR_2014-10-02.pdf", datetime.date(2014, 10, 2)),
        ("compte-rendu-2-octobre-2014.pdf", datetime.date(2014, 10, 2)),
        ("Compte-rendu du 1er octobre 2014", datetime.date(2014, 10, 1)),
        ("CR COPIL 12 Février 2015.odt", datetime.date(2015, 2, 12)),
        ("cr_02.10.2014.pdf", datetime.date(2014, 10, 2)),
        ("scan_20170410.pdf", datetime.date(2017, 4, 10)),
        ("rapport-annuel-2014.pdf", None),
        ("CR_2014-13-45.pdf", None),
        ("fiche-v2_12-2014.pdf", None),
    ],
)
def test_the_date_is_read_from_a_file_name(name, expected):
    assert date_from_filename(name) == expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (900, "900 octets"),
        (1024, "1 Ko"),
        (1587, "1,5 Ko"),  # 1.549 Ko
        (81_920, "80 Ko"),
        (102_380, "100 Ko"),  # 99.98 Ko rounds to 100: no decimal from 100 on
        (5_138_022, "4,9 Mo"),
        (3 * 1024**3, "3 Go"),
    ],
)
def test_sizes_are_written_in_french_units(size, expected):
    assert document_size(size) == expected
