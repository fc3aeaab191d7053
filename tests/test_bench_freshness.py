"""The freshness bench (bench/freshness.py) makes changes that work on the demo, and
sees an answer that does not show one: its editor and its checks, run in this process
with Django's test client in place of gunicorn."""

import pytest
from django.db import transaction
from django.test import Client

from bench.freshness import Tally, check, pages_showing
from bench.freshness_changes import Editor

pytestmark = pytest.mark.django_db


def fetch(host, path):
    response = Client(HTTP_HOST=host).get(path)
    return response.status_code, b"".join(response).decode(errors="replace")


@pytest.fixture
def editor():
    editor = Editor(pages_showing(fetch))
    with transaction.atomic():
        editor.name_uniquely()
    return editor


def make_and_check(change, tally):
    with transaction.atomic():
        change.make()
    return check(fetch, change, "at once", tally, checkers=1)


def test_every_change_of_a_cycle_shows_on_every_host(editor):
    tally = Tally()
    for change in editor.changes(1):
        assert change.expected, change.description  # it affects pages, read from the sites
        make_and_check(change, tally)
    assert not tally.stale and not tally.failed_checks, tally.stale + tally.failed_checks
    assert len(tally.pages) > 20


def test_a_change_whose_content_version_is_not_bumped_is_seen_stale(editor, monkeypatch):
    monkeypatch.setattr("home.invalidation.bump_after_commit", lambda keys: None)
    tally = Tally()
    retitle = next(editor.changes(1))  # its pages were read, so cached, to find them
    assert make_and_check(retitle, tally) > 0
    assert any("still showing" in description for _moment, description in tally.stale)
