"""Behind nginx, Django checks each document and nginx sends it (X-Accel-Redirect).

Runs on PostgreSQL only, like the other tests of real servers: gunicorn must see the
test database."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.models import CollectionViewRestriction, Site

from cls.models import SiteDocument
from home.demo.pdf import make_pdf
from home.site_groups import collection_for_site

from .conftest import RUFFECOIS_HOST
from .production_servers import (
    Browser,
    Nginx,
    Server,
    collect_static,
    database_url,
    postgres_only,
    production_environment,
    shared_test_files,
)

pytestmark = postgres_only("the server shares the test database")

PREFIX = "/_documents/"
PUBLIC_PDF = make_pdf("Diagnostic partagé", ["Ouvert à tous."])
PRIVATE_PDF = make_pdf("Compte rendu interne", ["Réservé aux membres."])


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker):
    """A public and a private document the server can see: committed, removed after."""
    with django_db_blocker.unblock():
        site_collection = collection_for_site(Site.objects.get(hostname=RUFFECOIS_HOST))
        private = site_collection.add_child(name="Réservé à l'équipe (nginx)")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        public_document = SiteDocument.objects.create(
            title="Diagnostic partagé",
            file=ContentFile(PUBLIC_PDF, name="diagnostic-partagé.pdf"),
            collection=site_collection,
        )
        private_document = SiteDocument.objects.create(
            title="Compte rendu interne",
            file=ContentFile(PRIVATE_PDF, name="compte-rendu-interne.pdf"),
            collection=private,
        )
        try:
            yield public_document, private_document
        finally:
            public_document.delete()
            private_document.delete()
            private.delete()


@pytest.fixture(scope="module")
def proxy(documents, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("static")
        )
    environment.update(shared_test_files(), DOCUMENTS_X_ACCEL_PREFIX=PREFIX)
    collect_static(environment)
    server = Server(environment)
    nginx = None
    try:
        server.wait_until_healthy()
        nginx = Nginx(server, tmp_path_factory.mktemp("nginx"), settings.DOCUMENTS_ROOT, PREFIX)
        nginx.wait_until_healthy()
        yield server, nginx
    finally:
        if nginx is not None:
            nginx.stop()
        server.stop()


def test_django_checks_the_document_and_nginx_sends_it(proxy, documents):
    server, nginx = proxy
    public_document, _ = documents

    answer = Browser(server).get(public_document.url)  # what gunicorn gives nginx
    assert answer.status == 200 and answer.body == b""
    assert answer.headers["X-Accel-Redirect"].startswith(PREFIX + "documents/diagnostic-partag")

    download = Browser(nginx).get(public_document.url)
    assert download.status == 200
    assert download.body == PUBLIC_PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert "diagnostic-partag" in download.headers["Content-Disposition"]
    assert download.headers["Content-Security-Policy"] == "default-src 'none'"
    assert "X-Accel-Redirect" not in download.headers


def test_a_private_document_stays_private_behind_nginx(proxy, documents):
    _, nginx = proxy
    _, private_document = documents

    visitor = Browser(nginx).get(private_document.url)
    assert visitor.status == 302 and "/login/" in visitor.headers["Location"]
    assert b"%PDF" not in visitor.body
    # The internal location answers only to the application's X-Accel-Redirect.
    direct = Browser(nginx).get(PREFIX + private_document.file.name)
    assert direct.status == 404 and b"%PDF" not in direct.body
