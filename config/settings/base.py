"""Settings shared by every environment.

Environment-specific values (secrets, hosts, database, email) are read from the
environment in ``production.py``; ``dev.py`` and ``test.py`` hold safe local defaults.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The whole-site front end lives in site/, which is deliberately not a Python package.
SITE_DIR = BASE_DIR / "site"

INSTALLED_APPS = [
    "home",
    "cls",
    "contacts",
    "search",
    "wagtail_localize",
    "axes",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Editors never see another site's objects in the admin (home/admin_scope/).
    "home.admin_scope.middleware.AdminScopeMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    # Inside the page cache: pages are stored already trimmed.
    "home.html_whitespace.HtmlWhitespaceMiddleware",
    # French pages get French typography (home/typography.py), stored so in the page cache.
    "home.typography.FrenchTypographyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

# Whole pages cached for anonymous visitors (home/page_cache.py); 0 turns the cache off.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
PAGE_CACHE_BROWSER_SECONDS = 60
# Behind a CDN or caching proxy, pages may stay there this long (s-maxage, 0: not at all).
# Publishing purges the page and the pages listing it (WAGTAILFRONTENDCACHE below); other
# changes (snippets, settings) reach the CDN within this delay.
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", "0"))
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx…: HTTP PURGE requests
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
# Menus, footer links and other data shown on every page of a site, keyed by content version.
SITE_DATA_CACHE_TIMEOUT = 24 * 3600

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


def env_flag(name, default=""):
    return os.environ.get(name, default).lower() in {"1", "true", "yes"}


# SQLite is the embedded default; DATABASE_URL (postgres://…) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server let psycopg prepare the statements a persistent
    # connection runs again and again (a page's routing, lists, menus): PostgreSQL then
    # skips planning them, which took 0.1-0.5 ms per query. DATABASE_PREPARED_STATEMENTS
    # =false turns it off, for a connection pooler that cannot keep prepared statements.
    if env_flag("DATABASE_PREPARED_STATEMENTS", "true"):
        DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French first (no URL prefix), English under /en/.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Documents, which may be private, apart from MEDIA_ROOT (that a proxy may serve): sent by
# Django only, after the privacy checks (cls/documents/storage.py).
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "private-documents"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "cls.documents.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(DOCUMENTS_ROOT)},  # str: task arguments are JSON
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editors with many inline panels (partners, indicators) exceed Django's 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = _("Contrats locaux de santé")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "cls.SiteDocument"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "odp",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "csv",
    "txt",
    "jpg",
    "png",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENTS_MAX_UPLOAD_MB", "50")) * 1024 * 1024
# Documents go through Django so that privacy and response headers always apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Created by search/migrations/0001: French stemming, accents ignored.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "svg", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar from gravatar.com: the admin makes no request to a third-party host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# « Traduire » creates drafts: a translation goes public when a person publishes it
# (wagtail-localize would otherwise publish it at once, in French; home/translation_drafts.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Admin dates are typed the French way, JJ/MM/AAAA, in both admin languages (ISO dates are
# accepted too): config/formats/ gives English the French input formats, and
# home/admin_dates.py shows the format and reports a wrong date instead of replacing it.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
FORMAT_MODULE_PATH = ["config.formats"]

# PeerTube instances whose videos the video block may embed (comma-separated host names,
# e.g. "tube.example.org"): the public Content-Security-Policy lets pages frame them.
PEERTUBE_HOSTS = [
    host.strip().lower() for host in os.environ.get("PEERTUBE_HOSTS", "").split(",") if host.strip()
]

# Rich text offers no h1 (the page title is the only one) and no inline image or embed,
# whose alternative text could not be enforced: images go in the image block.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ne-pas-repondre@example.org")

# Production services ------------------------------------------------------------------
# REDIS_URL (redis://host:6379/0) gives every application process one shared cache:
# Wagtail's site root paths and the contact form's rate limit then hold across servers.
# Without it each process keeps its own local-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "config.redis_cache.ResilientRedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Redis down or slower than its timeouts (config/redis_cache.py): pages are built from the
# database, and one request per process tries Redis again after this many seconds.
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "2"))

# Behind the reverse proxy, the request header in which it gives the visitor's address
# (e.g. "HTTP_X_FORWARDED_FOR"); unset, REMOTE_ADDR is used. Every per-client limit
# (logins, page and collection passwords, contact form) reads it: config/client_address.py.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Failed logins and wrong page or collection passwords, counted in the database by
# django-axes (so they hold when Redis is down) and checked one at a time per client
# address (config/login_throttle.py). Over LOGIN_FAILURE_WINDOW seconds, an address may
# fail LOGIN_FAILURE_LIMIT times on one account or password, and
# LOGIN_FAILURE_LIMIT_PER_ADDRESS times in all; then it is refused, even the right
# password, until the window has passed since its last failure.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("LOGIN_FAILURE_WINDOW", str(15 * 60)))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_FAILURE_WINDOW)
# Per address and account, never per account alone: an attacker elsewhere cannot lock
# an editor out (the count per address is config/login_throttle.py's).
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no ever-growing table of successful logins
# The login and password forms show the refusal themselves, in French, rather than
# axes' middleware replacing the page.
SILENCED_SYSTEM_CHECKS = ["axes.W002"]
WAGTAILADMIN_USER_LOGIN_FORM = "config.login_forms.ThrottledLoginForm"

# The Wagtail admin can live elsewhere than /admin/ (fewer automated login attempts).
WAGTAIL_ADMIN_PATH = os.environ.get("WAGTAIL_ADMIN_PATH", "admin/").strip("/") + "/"
# Private pages and documents send visitors to the admin's login page, the only form that
# opens a session: nothing outside WAGTAIL_ADMIN_PATH logs in (/_util/login/ redirects).
WAGTAIL_FRONTEND_LOGIN_URL = "/" + WAGTAIL_ADMIN_PATH + "login/"
# Never served by the page cache, nor looked up in it: the health check must answer
# without the cache and the database, documents are files checked for privacy.
# The favicon and the theme stylesheets set their own Cache-Control and read only
# cached site data.
PAGE_CACHE_SKIPPED_PATHS = (
    "/healthz",
    "/" + WAGTAIL_ADMIN_PATH,
    "/documents/",
    "/favicon.ico",
    "/theme/",
)
# End of production services -----------------------------------------------------------

# Contact form ---------------------------------------------------------------------
# Messages are kept this long, then removed by `manage.py purge_contact_messages`.
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "365"))
# A message sent sooner than this after the page was served is a robot's.
CONTACT_MIN_FILL_SECONDS = 3
# At most CONTACT_RATE_LIMIT messages per visitor address per window (in the cache).
CONTACT_RATE_LIMIT = 5
CONTACT_RATE_WINDOW = 60 * 60
# Automatic retries of a refused or unreachable mail server, deferred in the task queue:
# 5, 10, 20… minutes apart. `resend_contact_messages` (cron) catches up on messages whose
# task was lost (task queue unreachable, worker stopped) this long after they were due.
CONTACT_DELIVERY_MAX_ATTEMPTS = 5
CONTACT_DELIVERY_RETRY_MINUTES = 5
CONTACT_DELIVERY_OVERDUE_MINUTES = 10
# End of contact form --------------------------------------------------------------

# Documents -----------------------------------------------------------------------
# The admin upload form proposes the date written in the file name (cls/documents/).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cls.documents.forms.SiteDocumentForm"
# Text extraction for search runs in a task after each upload (in the worker in
# production), in a child process killed at these bounds (cls/documents/extraction.py).
DOCUMENTS_EXTRACTION_MAX_PAGES = int(os.environ.get("DOCUMENTS_EXTRACTION_MAX_PAGES", "300"))
DOCUMENTS_EXTRACTION_MAX_CHARS = int(os.environ.get("DOCUMENTS_EXTRACTION_MAX_CHARS", "1000000"))
DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS = int(
    os.environ.get("DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS", "20")
)
DOCUMENTS_EXTRACTION_MAX_MEMORY_MB = int(
    os.environ.get("DOCUMENTS_EXTRACTION_MAX_MEMORY_MB", "512")
)
# End of documents ----------------------------------------------------------------
