"""What a visitor's browser and a load balancer receive (logins: test_login_throttle.py)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def security_headers(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "config.middleware.SecurityHeadersMiddleware"]


def test_public_pages_forbid_inline_code(security_headers, aude_client):
    response = aude_client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"  # Django's default; production: stricter


def test_images_on_object_storage_are_allowed_by_the_policy(settings, aude_client):
    settings.PUBLIC_MEDIA_ORIGIN = "https://media.cls.example.org"
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "config.middleware.SecurityHeadersMiddleware"]
    policy = aude_client.get("/")["Content-Security-Policy"]
    assert "img-src 'self' data: https://media.cls.example.org;" in policy


def test_public_templates_hold_no_inline_script_or_style(aude_client, ruffecois_client):
    for client, url in [(aude_client, "/"), (ruffecois_client, "/"), (aude_client, "/en/")]:
        html = client.get(url, follow=True).content.decode()
        assert "<style" not in html
        assert " style=" not in html
        assert not INLINE_SCRIPT.search(html)  # only <script src=…> satisfies the policy


def test_the_admin_keeps_its_inline_scripts(security_headers, client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "camera=()" in response["Permissions-Policy"]


def test_health_endpoint_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_fails_when_the_cache_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "set", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


def test_health_endpoint_fails_when_the_database_is_down(client, monkeypatch):
    def refuse():
        raise ConnectionError("PostgreSQL is down")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
