"""Redis only makes the site faster: stopped or frozen, the site still answers everything.

A real redis-server runs for this module on a port of its own; the tests stop, freeze
and restart it while visitors, a contact form and an editor use the site through the
production cache backend (config/redis_cache.py).
"""

import logging
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from cls.models import ActionPage
from contacts.antispam import sign_start_time
from contacts.models import ContactPage, ContactSubmission

from .conftest import CONSENT_FIELD
from .production_servers import RedisServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path, settings):
    server = RedisServer(Path(tmp_path))
    server.start()
    settings.CACHES = {
        "default": {"BACKEND": "config.redis_cache.ResilientRedisCache", "LOCATION": server.url}
    }
    settings.REDIS_RETRY_SECONDS = 0.5  # shorter than in production: tests wait less
    yield server
    server.thaw()
    server.process.kill()
    server.process.wait(10)


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


def wait_for_the_retry():
    time.sleep(0.6)


def test_pages_documents_and_search_answer_while_redis_is_stopped(redis_server, visitor, caplog):
    action = ActionPage.objects.get(title="Dépistages diabète")
    assert visitor.get(action.url)["X-Page-Cache"] == "miss"
    assert visitor.get(action.url)["X-Page-Cache"] == "hit"

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="config.redis_cache"):
        for url in ["/", action.url, "/cls-2/", "/recherche/?q=diab%C3%A8te", "/plan-du-site/"]:
            for _ in range(3):
                response = visitor.get(url)
                assert response.status_code == 200, url
                assert "X-Page-Cache" not in response  # built from the database
        assert "Dépistages diabète" in visitor.get("/recherche/?q=diab%C3%A8te").content.decode()
    outage_logs = [r for r in caplog.records if "injoignable" in r.getMessage()]
    assert len(outage_logs) == 1  # once per outage, not per request


def test_a_frozen_redis_costs_a_short_timeout_then_nothing(redis_server, visitor):
    visitor.get("/")
    redis_server.freeze()
    started = time.monotonic()
    assert visitor.get("/").status_code == 200  # waits for one timeout (0.25 s)
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(5):
        assert visitor.get("/cls-2/").status_code == 200
    following = time.monotonic() - started
    assert first < 2 and following < 2, (first, following)
    redis_server.thaw()


def test_the_health_check_names_the_cache(redis_server, visitor):
    assert visitor.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
    redis_server.stop()
    response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


def test_a_message_is_stored_and_an_editor_logs_in_while_redis_is_stopped(redis_server, visitor):
    contact_page = ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")
    get_user_model().objects.create_superuser("redaction", "r@example.org", "mot-de-passe")
    redis_server.stop()

    response = visitor.post(
        contact_page.url,
        {
            "votre_nom": "Camille Martin",
            "votre_adresse_electronique": "camille.martin@example.net",
            "objet": "Documents",
            "votre_message": "Où trouver le compte rendu du dernier comité de pilotage ?",
            CONSENT_FIELD: "on",
            "form_started": sign_start_time(time.time() - 60),
        },
    )
    assert response.status_code == 200
    assert ContactSubmission.objects.filter(page=contact_page).count() == 1

    editor = Client(HTTP_HOST="localhost")
    response = editor.post("/admin/login/", {"username": "redaction", "password": "mot-de-passe"})
    assert response.status_code == 302
    assert editor.get("/admin/").status_code == 200


def test_changes_made_during_an_outage_show_when_redis_comes_back(redis_server, visitor):
    """Redis was unreachable, not restarted: it still holds the pages cached before."""
    action = ActionPage.objects.get(title="Dépistages diabète")
    axis_url = action.get_parent().url
    assert "Dépistages diabète" in visitor.get(axis_url).content.decode()
    assert visitor.get(axis_url)["X-Page-Cache"] == "hit"

    redis_server.freeze()
    action.unpublish()  # its generation bump cannot reach Redis
    assert "Dépistages diabète" not in visitor.get(axis_url).content.decode()
    redis_server.thaw()
    wait_for_the_retry()

    response = visitor.get(axis_url)
    assert "Dépistages diabète" not in response.content.decode()
    assert visitor.get(axis_url)["X-Page-Cache"] == "hit"  # the normal speed is back


def test_a_restarted_redis_serves_cached_pages_again_within_seconds(redis_server, visitor):
    visitor.get("/")
    redis_server.stop()
    assert "X-Page-Cache" not in visitor.get("/")
    redis_server.start()
    deadline = time.monotonic() + 5
    while visitor.get("/").get("X-Page-Cache") != "hit":
        assert time.monotonic() < deadline, "the page cache did not come back"
        time.sleep(0.1)
    assert cache.get("content-version:global") is not None
