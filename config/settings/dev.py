from .base import *  # noqa: F403

DEBUG = True
# Development only: production.py reads the real key from the environment.
SECRET_KEY = "django-insecure-dev-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", ".localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The site's own 404 page rather than Django's debug page on visitors' pages.
MIDDLEWARE = [*MIDDLEWARE, "config.middleware.NotFoundPageMiddleware"]  # noqa: F405
