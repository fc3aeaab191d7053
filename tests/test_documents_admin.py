"""The mission officer uploads documents in the admin; their text is read afterwards."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from pypdf import PdfReader, PdfWriter
from wagtail.models import Collection

from cls.models import SiteDocument
from home.demo.pdf import make_pdf

pytestmark = pytest.mark.django_db

MINUTE_TEXT = "Groupe de travail Mieux vieillir : ateliers mémoire dans les foyers ruraux."
REFUSAL = "Les fichiers « .%s » ne sont pas acceptés sur le site."


@pytest.fixture
def officer_client(client):
    officer = get_user_model().objects.create_superuser("mission", "mission@example.org", "x")
    client.force_login(officer)
    return client


def minute_pdf():
    return make_pdf("Compte-rendu du 2 octobre 2014", [MINUTE_TEXT])


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minute_pdf())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def upload(client, name, content, django_capture_on_commit_callbacks, **fields):
    """Post the single-document form; the extraction task runs when the upload commits."""
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
        "document_type": "compte-rendu",
        "language": "fr",
        **fields,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/admin/documents/add/", data)


def bulk_upload(client, name, content, django_capture_on_commit_callbacks):
    """Post one file to the multiple upload view, as its JavaScript does."""
    data = {
        "title": name.rsplit(".", 1)[0],
        "collection": Collection.get_first_root_node().pk,
        "files[]": SimpleUploadedFile(name, content),
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/admin/documents/multiple/add/", data).json()


def test_an_uploaded_pdf_has_its_text_stored_for_search(
    officer_client, django_capture_on_commit_callbacks
):
    response = upload(
        officer_client, "CR_2014-10-02.pdf", minute_pdf(), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = SiteDocument.objects.get(title="CR_2014-10-02.pdf")
    assert document.extraction_status == "done"
    assert MINUTE_TEXT in document.extracted_text
    assert document.date == datetime.date(2014, 10, 2)  # proposed from the file name
    assert document in SiteDocument.objects.search("foyers ruraux")


def test_the_text_is_read_after_the_upload_not_during_it(
    officer_client, django_capture_on_commit_callbacks
):
    data = {
        "title": "Diagnostic",
        "file": SimpleUploadedFile("diagnostic.pdf", minute_pdf()),
        "collection": Collection.get_first_root_node().pk,
        "document_type": "diagnostic",
        "language": "fr",
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        officer_client.post("/admin/documents/add/", data)
        document = SiteDocument.objects.get(title="Diagnostic")
        assert document.extraction_status == "pending"
        assert document.extracted_text == ""
    for callback in callbacks:  # the upload commits: the extraction task is enqueued
        callback()
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert "Compte-rendu du 2 octobre 2014" in document.extracted_text


def test_a_date_typed_by_the_editor_wins_over_the_file_name(
    officer_client, django_capture_on_commit_callbacks
):
    upload(
        officer_client,
        "CR_2014-10-02.pdf",
        minute_pdf(),
        django_capture_on_commit_callbacks,
        date="2014-10-03",
    )
    assert SiteDocument.objects.get(title="CR_2014-10-02.pdf").date == datetime.date(2014, 10, 3)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "damaged.pdf",
            b"%PDF-1.4\n garbage, not a PDF at all",
            "Le fichier est endommagé ou illisible.",
        ),
        (
            "protected.pdf",
            None,
            "Le PDF est protégé par un mot de passe : son texte ne peut pas être lu.",
        ),
    ],
)
def test_unreadable_pdfs_are_accepted_and_flagged(
    officer_client, django_capture_on_commit_callbacks, name, content, message
):
    response = upload(
        officer_client, name, content or encrypted_pdf(), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    document = SiteDocument.objects.get(title=name)
    assert document.extraction_status == "failed"
    assert document.extraction_message == message
    assert document.extracted_text == ""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<script>alert(document.cookie)</script>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("menu.js", b"alert(1)"),
    ],
)
def test_web_files_are_refused_with_a_french_message(
    officer_client, django_capture_on_commit_callbacks, name, content
):
    response = upload(officer_client, name, content, django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again, with the error
    extension = name.rsplit(".", 1)[1]
    assert REFUSAL % extension in response.content.decode().replace("&#x27;", "'")
    assert not SiteDocument.objects.filter(title=name).exists()


def test_bulk_upload_proposes_the_date_of_each_minute(
    officer_client, django_capture_on_commit_callbacks
):
    for name in ["CR_2014-10-02.pdf", "compte-rendu-1er-octobre-2014.pdf"]:
        result = bulk_upload(officer_client, name, minute_pdf(), django_capture_on_commit_callbacks)
        assert result["success"], result
    first = SiteDocument.objects.get(title="CR_2014-10-02")
    second = SiteDocument.objects.get(title="compte-rendu-1er-octobre-2014")
    assert first.date == datetime.date(2014, 10, 2)
    assert second.date == datetime.date(2014, 10, 1)
    assert MINUTE_TEXT in first.extracted_text and MINUTE_TEXT in second.extracted_text
    # The edit form shown after the upload carries the proposed date, for checking.
    assert 'value="01/10/2014"' in result["form"]


def test_bulk_upload_refuses_an_svg_with_the_french_message(
    officer_client, django_capture_on_commit_callbacks
):
    result = bulk_upload(officer_client, "carte.svg", b"<svg/>", django_capture_on_commit_callbacks)
    assert result["success"] is False
    assert REFUSAL % "svg" in result["error_message"]
    assert not SiteDocument.objects.filter(title="carte").exists()


def test_the_upload_form_states_the_size_limit(officer_client, settings):
    html = officer_client.get("/admin/documents/add/").content.decode()
    assert "50" in html and "Mo" in html


def test_the_edit_page_tells_why_a_text_could_not_be_read(
    officer_client, django_capture_on_commit_callbacks
):
    upload(officer_client, "protected.pdf", encrypted_pdf(), django_capture_on_commit_callbacks)
    document = SiteDocument.objects.get(title="protected.pdf")
    html = officer_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Lecture du texte (recherche)" in html
    assert "Échec : Le PDF est protégé par un mot de passe" in html.replace("&#x27;", "'")


def test_documents_waiting_for_their_text_can_be_queued_again():
    document = SiteDocument.objects.get(title="Compte-rendu du 2 octobre 2014")
    SiteDocument.objects.filter(pk=document.pk).update(
        extracted_text="", extraction_status="pending"
    )
    output = io.StringIO()
    call_command("extract_document_texts", stdout=output)  # immediate backend: runs at once
    assert output.getvalue() == "Lecture du texte demandée pour 1 document(s).\n"
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert "Accès soins / droits" in document.extracted_text


def test_an_upload_is_kept_when_the_task_queue_is_unreachable(
    officer_client, django_capture_on_commit_callbacks, monkeypatch
):
    class UnreachableQueue:
        def enqueue(self, *args):
            raise ConnectionError("task queue down")

    monkeypatch.setattr("cls.models.documents.extract_document_text", UnreachableQueue())
    response = upload(
        officer_client, "CR_2015-03-12.pdf", minute_pdf(), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert SiteDocument.objects.get(title="CR_2015-03-12.pdf").extraction_status == "pending"
