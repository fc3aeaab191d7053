"""Production settings come from the environment and refuse unsafe values."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.redis_cache import ResilientRedisCache
from tests.production_servers import TEST_REDIS_URL

ROOT = Path(__file__).resolve().parent.parent
SAFE_ENVIRONMENT = {
    "SECRET_KEY": "prod-" + "abcdefghij0123456789" * 3,
    "ALLOWED_HOSTS": "cls.example.org",
}
PRODUCTION_VARIABLES = [
    *SAFE_ENVIRONMENT,
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DATABASE_PREPARED_STATEMENTS",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "REDIS_URL",
    "WAGTAIL_ADMIN_PATH",
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_CUSTOM_DOMAIN",
    "MEDIA_S3_DOCUMENTS_BUCKET",
    "MEDIA_ROOT",
    "DOCUMENTS_ROOT",
    "DOCUMENTS_X_ACCEL_PREFIX",
]


def run_python(code, module="config.settings.production", **env):
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_VARIABLES}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(  # noqa: S603 (the code is this file's own)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def production_settings(**env):
    """The production settings module's values, read in a fresh interpreter."""
    result = run_python(
        "import json, config.settings.production as s; "
        "print(json.dumps({k: v for k, v in vars(s).items() if k.isupper()}, "
        "default=lambda value: type(value).__name__))",
        **{**SAFE_ENVIRONMENT, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("unsafe", "message"),
    [
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must list"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must list"),
        ({"CSRF_TRUSTED_ORIGINS": "http://cls.example.org"}, "only list https://"),
        ({"EMAIL_HOST_PASSWORD": "secret"}, "EMAIL_USE_TLS or EMAIL_USE_SSL"),
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "trop-court"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 50}, "SECRET_KEY must be set"),
        (
            {"MEDIA_ROOT": "/srv/cls/media", "DOCUMENTS_ROOT": "/srv/cls/media/documents"},
            "DOCUMENTS_ROOT must not be inside MEDIA_ROOT",
        ),
        (
            {"MEDIA_S3_BUCKET": "cls-media", "MEDIA_S3_CUSTOM_DOMAIN": "media.cls.example.org"},
            "set MEDIA_S3_DOCUMENTS_BUCKET",
        ),
        ({"DOCUMENTS_X_ACCEL_PREFIX": "_documents"}, "must start and end with /"),
    ],
)
def test_production_refuses_to_start_with_an_unsafe_value(unsafe, message):
    result = run_python("import config.settings.production", **{**SAFE_ENVIRONMENT, **unsafe})
    assert result.returncode != 0
    assert message in result.stderr


def test_redis_url_gives_a_shared_cache():
    cache = production_settings(REDIS_URL="redis://127.0.0.1:6379/5")["CACHES"]["default"]
    assert cache == {
        "BACKEND": "config.redis_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/5",
    }


def test_the_redis_cache_keeps_one_client_and_round_trips_values():
    redis_cache = ResilientRedisCache(TEST_REDIS_URL, {"KEY_PREFIX": "client-reuse-test"})
    redis_cache.set("key", {"menu": ["Accueil"]}, timeout=10)
    assert redis_cache.get("key") == {"menu": ["Accueil"]}
    assert redis_cache.get_many(["key", "absent"]) == {"key": {"menu": ["Accueil"]}}
    redis_cache.delete("counter")
    assert redis_cache.add("counter", 1, timeout=10)
    assert redis_cache.incr("counter") == 2
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
    redis_cache.delete_many(["key", "counter"])
    assert redis_cache.get("key") is None


def test_nginx_sends_the_documents_when_its_internal_location_is_named():
    assert "SENDFILE_BACKEND" not in production_settings()  # Django streams them
    behind_nginx = production_settings(DOCUMENTS_X_ACCEL_PREFIX="/_documents/")
    assert behind_nginx["SENDFILE_BACKEND"] == "config.document_sendfile"


def test_postgresql_connections_prepare_their_statements_unless_told_not_to():
    postgres = {"DATABASE_URL": "postgres://cls@db.example.org:5432/cls"}
    database = production_settings(**postgres)["DATABASES"]["default"]
    assert database["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 2}
    assert database["CONN_MAX_AGE"] > 0  # prepared statements live as long as the connection
    pooled = production_settings(**postgres, DATABASE_PREPARED_STATEMENTS="false")
    assert "OPTIONS" not in pooled["DATABASES"]["default"]
    assert "OPTIONS" not in production_settings()["DATABASES"]["default"]  # SQLite


def test_safe_defaults_without_optional_services():
    settings = production_settings()
    assert settings["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SECURE"] is True
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert settings["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert settings["DEBUG"] is False
    assert settings["MIDDLEWARE"][:3] == [
        "django.middleware.security.SecurityMiddleware",
        "config.middleware.SecurityHeadersMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    # Links in notification e-mails point at the first site, over HTTPS.
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://cls.example.org"
    assert settings["WAGTAIL_ADMIN_PATH"] == "admin/"


def test_media_go_to_object_storage_when_a_bucket_is_named():
    settings = production_settings(
        MEDIA_S3_BUCKET="cls-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.cls.example.org",
        MEDIA_S3_DOCUMENTS_BUCKET="cls-documents",
    )
    media = settings["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "cls-media"
    assert media["OPTIONS"]["querystring_auth"] is False  # public domain: stable image URLs
    assert settings["PUBLIC_MEDIA_ORIGIN"] == "https://media.cls.example.org"
    # Documents in their own bucket, private, never behind the public domain.
    documents = settings["STORAGES"]["documents"]["OPTIONS"]
    assert documents["bucket_name"] == "cls-documents"
    assert documents["default_acl"] == "private"
    assert documents["querystring_auth"] is True
    assert "custom_domain" not in documents
    # Documents keep going through Django, whatever the storage.
    assert settings["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_the_admin_moves_to_the_configured_path():
    result = run_python(
        "import django; django.setup(); "
        "from django.urls import reverse; print(reverse('wagtailadmin_home'))",
        module="config.settings.test",
        WAGTAIL_ADMIN_PATH="gestion-cls",
    )
    assert result.stdout.strip() == "/gestion-cls/", result.stderr
