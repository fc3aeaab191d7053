"""The demo's documents are real multi-page PDFs, tagged, rebuilt from the source pages."""

import io

import pytest
from pypdf import PdfReader

from cls.models import SiteDocument
from cls.templatetags.document_tags import document_size
from home.demo import aude_source, ruffecois_source
from home.demo.pdf import make_pdf

pytestmark = pytest.mark.django_db


def reader_of(document):
    with document.open_file() as file:
        return PdfReader(io.BytesIO(file.read()))


def structure_types(reader):
    """The types of the structure elements under the document element, in reading order."""
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document"
    return [kid.get_object()["/S"] for kid in document["/K"]]


def outline_titles(outline):
    for item in outline:
        if isinstance(item, list):
            yield from outline_titles(item)
        else:
            yield item.title


def one_line(text):
    return " ".join(text.split())


def test_the_ruffecois_contract_is_a_tagged_multi_page_reconstruction():
    document = SiteDocument.objects.get(title="Contrat Local de Santé du PETR du Pays du Ruffécois")
    reader = reader_of(document)
    assert len(reader.pages) >= 4
    assert reader.metadata.title == document.title
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr"
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    types = structure_types(reader)
    assert types[0] == "/H1" and {"/H2", "/H3", "/P"} <= set(types)
    assert "/Figure" not in types  # fpdf2's own section titles would be figures
    titles = list(outline_titles(reader.outline))
    assert "6. Les axes stratégiques" in titles
    assert "8.1. Groupe « Accès soins / droits »" in titles
    cover, contents = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Reconstitution de démonstration" in cover and "13,5 Mo" in cover
    assert "Sommaire" in contents and "La lettre de cadrage – page" in contents
    for page in reader.pages:
        assert "reconstitution de démonstration" in page.extract_text()  # the footer
    text = one_line(document.extracted_text)
    for passage in (
        ruffecois_source.FRAMING_LETTER,
        ruffecois_source.PRIORITIES,
        *ruffecois_source.HEALTH_PROBLEMS,
        *ruffecois_source.INTERSECTORAL_AIMS,
    ):
        assert one_line(passage) in text, passage
    assert 10 * 1024 < document.file_size < 100 * 1024


def test_each_minute_has_an_agenda_and_says_what_is_not_reproduced():
    minutes = SiteDocument.objects.filter(document_type="compte-rendu").exclude(body_name="")
    assert minutes.count() == 12
    full_names = {group.name: group.full_name for group in ruffecois_source.WORKING_GROUPS}
    for document in minutes:
        reader = reader_of(document)
        assert len(reader.pages) == 3  # title page, contents, the minute
        assert "1. Ordre du jour" in list(outline_titles(reader.outline))
        text = one_line(document.extracted_text)
        assert "ne donne que la date et le groupe de cette réunion" in text
        assert f"Groupe de travail « {full_names[document.body_name]} »" in text


def test_the_aude_diagnostic_holds_the_whole_definition_and_the_five_axes():
    document = SiteDocument.objects.get(title=aude_source.DIAGNOSTIC_TITLE)
    reader = reader_of(document)
    assert len(reader.pages) >= 4
    text = one_line(document.extracted_text)
    for passage in (*aude_source.DEFINITION, *(axis[3] for axis in aude_source.AXES)):
        assert one_line(passage) in text, passage
    assert "4,9 Mo" in text


def test_a_visitor_sees_the_real_size_of_the_contract_before_downloading(ruffecois_client):
    document = SiteDocument.objects.get(title="Contrat Local de Santé du PETR du Pays du Ruffécois")
    html = ruffecois_client.get("/cls/").content.decode()
    size = document_size(document.file_size)  # "20 Ko": the file's own size
    assert f'{document.title} <span class="doc-link__meta">(PDF – {size}' in html


def test_a_short_pdf_is_tagged_too():
    reader = PdfReader(io.BytesIO(make_pdf("Note", ["Un paragraphe.", "Un autre."])))
    assert structure_types(reader) == ["/H1", "/P", "/P"]
    assert "Un autre." in reader.pages[0].extract_text()
