"""Document files are kept outside the media folder a reverse proxy may serve.

docs/exploitation.md: the proxy may serve MEDIA_ROOT at /media/ (images); documents live
in DOCUMENTS_ROOT and only Django sends them, at /documents/…, after its privacy checks.
"""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.models import CollectionViewRestriction

from cls.models import SiteDocument
from home.demo.pdf import make_pdf
from home.site_groups import collection_for_site

from .conftest import RUFFECOIS_HOST

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cls.migrations.0010_move_documents_out_of_media")


@pytest.fixture
def private_collection(ruffecois_site, site_groups):
    collection = collection_for_site(ruffecois_site).add_child(name="Comptes rendus internes")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def is_inside(path, folder):
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def test_an_uploaded_private_document_is_sent_by_django_only(
    settings, private_collection, ruffecois_editor
):
    editor = Client(HTTP_HOST=RUFFECOIS_HOST)
    editor.force_login(ruffecois_editor)
    content = make_pdf("Compte rendu du COPIL", ["Réservé aux membres."])
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Compte rendu du COPIL",
            "file": ContentFile(content, name="cr-copil-interne.pdf"),
            "collection": private_collection.pk,
            "document_type": "compte-rendu",
            "language": "fr",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = SiteDocument.objects.get(title="Compte rendu du COPIL")

    # On disk in DOCUMENTS_ROOT, nothing of it in the folder the proxy serves.
    assert is_inside(document.file.path, settings.DOCUMENTS_ROOT)
    assert not is_inside(document.file.path, settings.MEDIA_ROOT)
    assert not list(Path(settings.MEDIA_ROOT).rglob("cr-copil-interne*"))
    with pytest.raises(NotImplementedError):
        document.file.url  # noqa: B018 (no address of its own to leak)
    assert "/media/" not in document.url

    visitor = Client(HTTP_HOST=RUFFECOIS_HOST).get(document.url)
    assert visitor.status_code == 302 and b"%PDF" not in visitor.content
    served = editor.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == content

    document.delete()  # the file goes with it
    assert not list(Path(settings.DOCUMENTS_ROOT).rglob("cr-copil-interne*"))


def test_behind_nginx_django_checks_and_the_proxy_sends(
    settings, private_collection, ruffecois_editor
):
    settings.SENDFILE_BACKEND = "config.document_sendfile"
    settings.DOCUMENTS_X_ACCEL_PREFIX = "/_documents/"
    document = SiteDocument.objects.create(
        title="Compte rendu du bureau",
        file=ContentFile(make_pdf("Compte rendu du bureau", ["Interne."]), name="bureau-été.pdf"),
        collection=private_collection,
    )
    editor = Client(HTTP_HOST=RUFFECOIS_HOST)
    editor.force_login(ruffecois_editor)

    visitor = Client(HTTP_HOST=RUFFECOIS_HOST).get(document.url)
    assert visitor.status_code == 302 and "X-Accel-Redirect" not in visitor
    served = editor.get(document.url)
    assert served.status_code == 200 and served.content == b""  # nginx adds the file
    assert document.file.name == "documents/bureau-été.pdf"
    assert served["X-Accel-Redirect"] == "/_documents/documents/bureau-%C3%A9t%C3%A9.pdf"
    assert served["Content-Type"] == "application/pdf"
    assert "filename*=UTF-8''bureau-%C3%A9t%C3%A9.pdf" in served["Content-Disposition"]
    document.delete()


@pytest.fixture
def every_file_put_back():
    """Reversing the migration moves every document's file, the demo's too: put them back."""
    yield
    migration.out_of_media(apps, None)


def test_the_migration_moves_files_left_in_the_media_folder(
    settings, private_collection, every_file_put_back
):
    """Files uploaded before DOCUMENTS_ROOT existed are moved, under the same name."""
    content = make_pdf("Ancien compte rendu", ["Téléversé avant le déménagement."])
    name = default_storage.save("documents/ancien-compte-rendu.pdf", ContentFile(content))
    document = SiteDocument.objects.create(
        title="Ancien compte rendu", file=name, collection=private_collection
    )
    in_media = Path(settings.MEDIA_ROOT) / name
    assert in_media.exists()

    migration.out_of_media(apps, None)
    migration.out_of_media(apps, None)  # a second run finds nothing to move
    document.refresh_from_db()
    assert document.file.name == name
    assert not in_media.exists()
    assert is_inside(document.file.path, settings.DOCUMENTS_ROOT)
    with document.open_file() as file:
        assert file.read() == content

    migration.back_to_media(apps, None)  # the migration can be reversed
    assert in_media.read_bytes() == content
    assert not Path(document.file.path).exists()
