"""Production settings: everything secret or host-specific comes from the environment."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.media_storage import object_storage

from .base import *  # noqa: F403
from .base import env_flag


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment (at least 50 random characters) in production."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the sites' domain names (comma-separated), without '*'."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
if any(not origin.startswith("https://") for origin in CSRF_TRUSTED_ORIGINS):
    raise ImproperlyConfigured("CSRF_TRUSTED_ORIGINS must only list https:// origins.")
# Links in notification e-mails (moderation requests) point at the first site by default.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
if EMAIL_HOST_PASSWORD and not (EMAIL_USE_TLS or EMAIL_USE_SSL):
    raise ImproperlyConfigured(
        "EMAIL_HOST_PASSWORD is set: also set EMAIL_USE_TLS or EMAIL_USE_SSL so that the "
        "password never travels in clear."
    )
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# Tasks (contact e-mails, text extraction, search index updates) are stored in the
# database and run by `manage.py run_task_worker` (Procfile, "worker"), never in a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Persistent connections are checked before reuse: after a database restart or failover,
# each worker reconnects instead of failing its next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "true")
# Load balancers probe the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Permissions-Policy and the public Content-Security-Policy (config/middleware.py);
# WhiteNoise serves the collected static files, compressed and cached for a year.
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE[:1],  # noqa: F405
    "config.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", STATIC_ROOT))  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Media on S3-compatible object storage when MEDIA_S3_BUCKET is set (config/media_storage.py).
if media_storages := object_storage(os.environ):
    bucket_storages, PUBLIC_MEDIA_ORIGIN = media_storages
    STORAGES.update(bucket_storages)  # noqa: F405
elif DOCUMENTS_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):  # noqa: F405
    raise ImproperlyConfigured(
        "DOCUMENTS_ROOT must not be inside MEDIA_ROOT, which the reverse proxy may serve: "
        "private documents would be published."
    )

# Documents sent by nginx after Django's checks when DOCUMENTS_X_ACCEL_PREFIX names the
# proxy's internal location for DOCUMENTS_ROOT (config/document_sendfile.py).
if DOCUMENTS_X_ACCEL_PREFIX := os.environ.get("DOCUMENTS_X_ACCEL_PREFIX", ""):
    if not (DOCUMENTS_X_ACCEL_PREFIX.startswith("/") and DOCUMENTS_X_ACCEL_PREFIX.endswith("/")):
        raise ImproperlyConfigured("DOCUMENTS_X_ACCEL_PREFIX must start and end with /.")
    SENDFILE_BACKEND = "config.document_sendfile"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
