import io
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.transaction import Atomic
from django.test import Client
from django.utils import translation
from wagtail.models import Locale, Site

AUDE_HOST = "localhost"
RUFFECOIS_HOST = "ruffecois.localhost"
# The contact form's consent box (contacts/default_page.py), as the form names it.
CONSENT_FIELD = "jaccepte_que_ces_informations_servent_a_repondre_a_ma_demande"


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


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in French: LocaleMiddleware leaves the language of the last page
    requested active in the thread (English after a visit to /en/), and commands such as
    setup_site_groups name what they create in the active language."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def page_cache_off(settings):
    """Pages rendered on every request (menus and other site data still kept): for the
    tests that measure what rendering a page costs."""
    settings.PAGE_CACHE_TIMEOUT = 0


@pytest.fixture
def caches_off(page_cache_off, settings):
    """Pages built from the database alone on every request: no site data kept either."""
    settings.SITE_DATA_CACHE_TIMEOUT = 0


def only_test_transactions_open(connection):
    return connection.in_atomic_block and all(
        block._from_testcase for block in connection.atomic_blocks
    )


_capturing_commit_hooks = []


@pytest.fixture
def django_capture_on_commit_callbacks(django_capture_on_commit_callbacks):
    """pytest-django's fixture; while it captures, callbacks wait to be captured."""

    @contextmanager
    def capture(**kwargs):
        _capturing_commit_hooks.append(True)
        try:
            with django_capture_on_commit_callbacks(**kwargs) as callbacks:
                yield callbacks
        finally:
            _capturing_commit_hooks.pop()

    return capture


@pytest.fixture(autouse=True)
def commits_run_their_hooks(monkeypatch):
    """Run on_commit callbacks when the code under test commits, as in production.

    Each test runs inside a transaction that is rolled back, so Django would never run
    them: caches are invalidated after commit (home/content_version.py). Here, the end
    of the code's outermost atomic block, or a callback registered outside any block of
    its own, counts as a commit, except while a test captures the callbacks itself.
    """
    register, exit_block = BaseDatabaseWrapper.on_commit, Atomic.__exit__

    def on_commit(connection, func, robust=False):
        if only_test_transactions_open(connection) and not _capturing_commit_hooks:
            connection.run_on_commit.append((set(connection.savepoint_ids), func, robust))
            run_pending_hooks(connection)
        else:
            register(connection, func, robust)

    def run_pending_hooks(connection):
        while connection.run_on_commit:
            _sids, func, _robust = connection.run_on_commit.pop(0)
            func()

    def exit_and_commit(block, exc_type, *args):
        result = exit_block(block, exc_type, *args)
        connection = connections[block.using or "default"]
        if (
            exc_type is None
            and only_test_transactions_open(connection)
            and not _capturing_commit_hooks
        ):
            run_pending_hooks(connection)
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(Atomic, "__exit__", exit_and_commit)


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


@pytest.fixture
def aude_admin_client(db):
    """A superuser signed in on the Aude site's host."""
    client = Client(HTTP_HOST=AUDE_HOST)
    user = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def ruffecois_in_french_only(ruffecois_site):
    """The Ruffécois site before its English edition opens: its home page unpublished."""
    ruffecois_english_home(ruffecois_site).unpublish()


@pytest.fixture
def ruffecois_without_english(ruffecois_site):
    """The Ruffécois site as if never translated: its English pages deleted."""
    ruffecois_english_home(ruffecois_site).delete()


def ruffecois_english_home(site):
    return site.root_page.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def site_groups(aude_site, ruffecois_site):
    """Each demo site's « Éditeurs » and « Modérateurs » groups (home/site_groups.py)."""
    call_command("setup_site_groups", stdout=io.StringIO())
    return {
        f"{key}_{role}": Group.objects.get(name=f"{label} {site.site_name}")
        for key, site in (("aude", aude_site), ("ruffecois", ruffecois_site))
        for role, label in (("editors", "Éditeurs"), ("moderators", "Modérateurs"))
    }


def member_of(group, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def ruffecois_editor(site_groups):
    return member_of(site_groups["ruffecois_editors"], "editrice-ruffec")


@pytest.fixture
def ruffecois_moderator(site_groups):
    return member_of(site_groups["ruffecois_moderators"], "moderateur-ruffec")


@pytest.fixture
def aude_editor(site_groups):
    return member_of(site_groups["aude_editors"], "redacteur-aude")
