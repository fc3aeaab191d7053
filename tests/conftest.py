import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

AUDE_HOST = "localhost"
RUFFECOIS_HOST = "ruffecois.localhost"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build both demo sites once; each test then runs in its own rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty cache (page cache, rate limits): database changes are
    rolled back after a test, the cache's are not."""
    cache.clear()


@pytest.fixture
def aude_site(db):
    return Site.objects.get(hostname=AUDE_HOST)


@pytest.fixture
def ruffecois_site(db):
    return Site.objects.get(hostname=RUFFECOIS_HOST)


@pytest.fixture
def aude_client(db):
    return Client(HTTP_HOST=AUDE_HOST)


@pytest.fixture
def ruffecois_client(db):
    return Client(HTTP_HOST=RUFFECOIS_HOST)
