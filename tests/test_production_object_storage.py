"""Media on S3-compatible object storage: a real bucket, moto's S3 server on loopback.

The storage is configured by the production code (config/media_storage.py) from the
same variables an operator sets; files go over HTTP to the bucket and back.
"""

from pathlib import Path
from urllib.request import urlopen

import boto3
import pytest
from django.contrib.auth import get_user_model
from moto.server import ThreadedMotoServer
from wagtail.models import Collection, CollectionViewRestriction

from config.media_storage import object_storage
from home.demo.pdf import make_pdf

from .production_servers import free_port
from .test_documents_pages import add_document
from .test_images import make_image

pytestmark = pytest.mark.django_db

BUCKET = "cls-medias"
REGION = "eu-west-3"


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """The bucket, as a boto3 client's view of it; the site's media go there."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "cle-de-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret-de-test")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    if BUCKET not in [existing["Name"] for existing in client.list_buckets()["Buckets"]]:
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    storages, media_origin = object_storage(
        {
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
            "MEDIA_S3_REGION": REGION,
        }
    )
    assert media_origin == s3_endpoint  # what the public CSP allows in img-src
    settings.STORAGES = {**settings.STORAGES, **storages}
    return client


def stored_bytes(bucket, name):
    return bucket.get_object(Bucket=BUCKET, Key=name)["Body"].read()


def test_a_document_is_stored_in_the_bucket_and_served_by_django(
    bucket, settings, ruffecois_client
):
    collection = Collection.get_first_root_node().add_child(name="Comptes-rendus")
    content = make_pdf("Diagnostic local de santé", ["Synthèse"])
    # A name no other test stores on disk: the check below looks for it there.
    document = add_document(collection, "Diagnostic", content, "diagnostic-compartiment.pdf")

    assert stored_bytes(bucket, document.file.name) == content
    for folder in (settings.MEDIA_ROOT, settings.DOCUMENTS_ROOT):
        assert not (Path(folder) / document.file.name).exists()
    # A private object: only the owner's credentials read it (Django, to serve it).
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=document.file.name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    response = ruffecois_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    # Wagtail's serve view names the file only when it reads it from disk.
    assert response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"

    table = add_document(collection, "Indicateurs", b"Commune;Valeur\n", "indicateurs.csv")
    response = ruffecois_client.get(table.url)
    assert b"".join(response.streaming_content) == stored_bytes(bucket, table.file.name)
    assert response["Content-Disposition"].startswith("attachment; filename=indicateurs.csv;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_private_document_in_the_bucket_stays_private(bucket, ruffecois_client):
    private = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    content = make_pdf("Note interne", ["Confidentiel"])
    document = add_document(private, "Note interne", content, "note.pdf")

    response = ruffecois_client.get(document.url)
    assert response.status_code == 302
    assert "login" in response.url
    assert not getattr(response, "streaming_content", None)

    member = get_user_model().objects.create_user("membre-copil", "copil@example.org", "x")
    ruffecois_client.force_login(member)
    response = ruffecois_client.get(document.url)
    assert b"".join(response.streaming_content) == content


def test_images_and_their_renditions_are_loaded_from_the_bucket(bucket, s3_endpoint):
    image = make_image("Maison de santé", width=800, height=450)
    with image.open_file() as original:
        assert stored_bytes(bucket, image.file.name) == original.read()

    rendition = image.get_rendition("width-400")
    assert rendition.url.startswith(s3_endpoint + "/")  # the origin the CSP allows
    with urlopen(rendition.url) as response:  # noqa: S310 (loopback S3 server)
        assert response.status == 200
        assert response.read() == stored_bytes(bucket, rendition.file.name)
    assert stored_bytes(bucket, rendition.file.name).startswith(b"\xff\xd8")  # JPEG
