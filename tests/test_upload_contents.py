"""Uploads are checked by content as well as extension: a renamed web page never gets in.

Real files of each accepted type (tests/files/ for office formats; PDF, images and text
made here) pass; HTML, SVG and other files under an accepted extension are refused with
a French message, in the single and the bulk upload forms. Images: Wagtail's own check.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from cls.models import SiteDocument
from home.demo.pdf import make_pdf

from .test_documents_admin import bulk_upload, upload
from .test_documents_extraction import office_file as zip_archive

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>'
MARKUP_REFUSAL = "contient du code de page web (HTML ou SVG)"
MISMATCH_REFUSAL = "n'est pas celui d'un fichier"


def picture(image_format):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (30, 120, 140)).save(buffer, image_format)
    return buffer.getvalue()


def office_file(name):
    return (FILES / name).read_bytes()


ACCEPTED = {
    "diagnostic.pdf": lambda: make_pdf("Diagnostic local de santé", ["Ruffec, 2024."]),
    "compte-rendu.odt": lambda: office_file("compte-rendu.odt"),
    "compte-rendu.doc": lambda: office_file("compte-rendu.doc"),
    "compte-rendu.docx": lambda: office_file("compte-rendu.docx"),
    "indicateurs.ods": lambda: office_file("indicateurs.ods"),
    "indicateurs.xls": lambda: office_file("indicateurs.xls"),
    "indicateurs.xlsx": lambda: office_file("indicateurs.xlsx"),
    "bilan.odp": lambda: office_file("bilan.odp"),
    "bilan.ppt": lambda: office_file("bilan.ppt"),
    "bilan.pptx": lambda: office_file("bilan.pptx"),
    "communes.csv": lambda: "Commune;Population\nRuffec;3 500\n".encode("cp1252"),
    "note-utf16.txt": lambda: "Réunion du COPIL < 2 h.".encode("utf-16"),
    "note.txt": lambda: "Réunion du COPIL, ordre du jour : bilan 2024.".encode(),
    "carte.jpg": lambda: picture("JPEG"),
    "logo.png": lambda: picture("PNG"),
}

DISGUISED = [
    pytest.param("rapport.pdf", HTML, MARKUP_REFUSAL, id="html-as-pdf"),
    pytest.param("carte.pdf", SVG, MARKUP_REFUSAL, id="svg-as-pdf"),
    pytest.param("carte.png", b"\n  " + SVG, MARKUP_REFUSAL, id="svg-as-png"),
    pytest.param("page.docx", HTML, MARKUP_REFUSAL, id="html-as-docx"),
    pytest.param(
        "tableau.csv",
        b"Commune;Lien\nRuffec;<script>alert(1)</script>\n",
        MARKUP_REFUSAL,
        id="script-in-csv",
    ),
    pytest.param(
        "note.txt", "<html><body>x</body></html>".encode("utf-16"), MARKUP_REFUSAL, id="utf16-html"
    ),
    pytest.param("rapport.pdf", picture("PNG"), MISMATCH_REFUSAL, id="png-as-pdf"),
    pytest.param("photo.jpg", picture("PNG"), MISMATCH_REFUSAL, id="png-as-jpg"),
    pytest.param(
        "compte-rendu.doc", make_pdf("Compte-rendu", ["texte"]), MISMATCH_REFUSAL, id="pdf-as-doc"
    ),
    pytest.param("note.txt", picture("PNG"), MISMATCH_REFUSAL, id="png-as-txt"),
    pytest.param(
        "archive.docx", zip_archive({"index.html": HTML}), MISMATCH_REFUSAL, id="zip-as-docx"
    ),
    pytest.param(
        "tableau.xlsx", office_file("compte-rendu.docx"), MISMATCH_REFUSAL, id="docx-as-xlsx"
    ),
    pytest.param(
        "compte-rendu.odt", office_file("indicateurs.ods"), MISMATCH_REFUSAL, id="ods-as-odt"
    ),
]


@pytest.mark.parametrize("name", ACCEPTED)
def test_real_files_of_every_accepted_type_are_stored(
    admin_client, django_capture_on_commit_callbacks, name
):
    content = ACCEPTED[name]()
    response = upload(admin_client, name, content, django_capture_on_commit_callbacks)
    assert response.status_code == 302, response.content.decode()[-3000:]
    with SiteDocument.objects.get(title=name).open_file() as stored:
        assert stored.read() == content


@pytest.mark.parametrize(("name", "content", "refusal"), DISGUISED)
def test_disguised_files_are_refused_with_a_french_message(
    admin_client, django_capture_on_commit_callbacks, name, content, refusal
):
    response = upload(admin_client, name, content, django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert f"« {name} » {refusal}" in html
    assert not SiteDocument.objects.filter(title=name).exists()


def test_the_bulk_upload_refuses_a_web_page_renamed_pdf(
    admin_client, django_capture_on_commit_callbacks
):
    result = bulk_upload(admin_client, "rapport.pdf", HTML, django_capture_on_commit_callbacks)
    assert result["success"] is False
    assert MARKUP_REFUSAL in result["error_message"]
    assert not SiteDocument.objects.filter(title="rapport").exists()


def upload_image(client, name, content):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post("/admin/images/add/", data)


@pytest.mark.parametrize(
    ("name", "content"), [("logo.png", SVG), ("bandeau.jpg", HTML), ("photo.jpg", picture("PNG"))]
)
def test_images_are_checked_by_content_too(admin_client, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert "L'extension de fichier ne correspond pas au format du fichier" in html  # Wagtail's
    assert not Image.objects.filter(title=name).exists()
    assert upload_image(admin_client, "vraie.png", picture("PNG")).status_code == 302
