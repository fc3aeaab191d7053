import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Room for every page of both demo sites in both languages: past locmem's default 300
# entries it culls a third of them at random, content versions included, which retires
# cached pages no change retired and hides a stale answer from the tests that look for one.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Real files in a throwaway folder: Wagtail serves documents from their path on disk.
# RESTORED_MEDIA_ROOT: the media a restored backup brings (tests/test_production_backup.py).
MEDIA_ROOT = Path(
    os.environ.get("RESTORED_MEDIA_ROOT") or tempfile.mkdtemp(prefix="cls-test-media-")
)
DOCUMENTS_ROOT = Path(tempfile.mkdtemp(prefix="cls-test-documents-"))
for folder in (MEDIA_ROOT, DOCUMENTS_ROOT):
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "cls.documents.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(DOCUMENTS_ROOT)},  # str: task arguments are JSON
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The page cache and the site data cache are on, as in production; the `caches_off`
# fixture (tests/conftest.py) turns them off for a test that measures the page itself.
PAGE_CACHE_TIMEOUT = 600
