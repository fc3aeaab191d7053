"""A visitor arriving while an editor's change is still being committed never leaves the
old content cached under the new version (home/content_version.py).

The editor works in a thread, in a real transaction held open while a visitor, on
another connection, requests the pages the change affects; the transaction then
commits, and every page must show the change. PostgreSQL only: the two connections must
see each other's commits (SQLite's test database lives in one connection's memory).
"""

import os
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from wagtail.models import Site

from cls.models import ActionPage, AxisPage, ContractPage, Organisation
from home.models import ContentPage

from .conftest import AUDE_HOST

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL=postgres://… (two connections to one database)",
    ),
    # The visitor reads in the test's own transaction, which sees what other connections
    # commit; every change is made and committed on another connection.
    pytest.mark.django_db,
]


def on_another_connection(function):
    """Run `function` in a thread, on its own connection, committing as it goes."""
    outcome = {}

    def run():
        try:
            outcome["result"] = function()
        except Exception as error:  # re-raised by the test, not lost in the thread
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def visitor():
    return Client(HTTP_HOST=AUDE_HOST)


def html_of(url):
    response = visitor().get(url)
    return response.status_code, response.content.decode()


def race(change, urls):
    """Run `change` in an editor's transaction held open while a visitor reads `urls`
    (each one cached or rendered from the database as it stands before the commit)."""
    changed, visited = threading.Event(), threading.Event()

    def editor():
        try:
            with transaction.atomic():
                change()
                changed.set()
                assert visited.wait(30)
        finally:
            changed.set()  # also when the change failed: the test goes on and says so

    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(catch(editor)))
    thread.start()
    assert changed.wait(30)
    before_commit = [html_of(url) for url in urls]
    visited.set()
    thread.join(30)
    assert outcome == [None], outcome
    return before_commit


def catch(function):
    try:
        on_another_connection(function)
    except Exception as error:
        return error
    return None


def aude_contract():
    return ContractPage.objects.get(
        url_path__startswith=f"/{AUDE_HOST}/", locale__language_code="fr"
    )


def test_a_page_published_during_a_visit_shows_once_committed():
    def create():
        home = Site.objects.get(hostname=AUDE_HOST).root_page
        page = home.add_child(instance=ContentPage(title="Avant la course", slug="course"))
        page.save_revision().publish()
        return page

    page = on_another_connection(create)
    try:
        assert "Avant la course" in html_of("/course/")[1]  # cached

        def publish_new_title():
            page.title = "Après la course"
            page.save_revision().publish()

        ((status, html),) = race(publish_new_title, ["/course/"])
        assert status == 200 and "Avant la course" in html  # not committed yet
        assert "Après la course" in html_of("/course/")[1]
    finally:
        on_another_connection(page.delete)


def test_an_axis_deleted_during_a_visit_is_gone_once_committed():
    def create():
        contract = aude_contract()
        axis = contract.add_child(instance=AxisPage(title="Axe en course", number=9))
        axis.save_revision().publish()
        action = axis.add_child(instance=ActionPage(title="Action en course", code="9.1"))
        action.save_revision().publish()
        return contract, axis, action

    contract, axis, action = on_another_connection(create)
    try:
        urls = [contract.url, axis.url, action.url]
        for url in urls:
            assert html_of(url)[0] == 200  # cached

        before_commit = race(axis.delete, urls)
        assert [status for status, _html in before_commit] == [200, 200, 200]
        assert "Axe en course" not in html_of(contract.url)[1]
        assert html_of(axis.url)[0] == 404
        assert html_of(action.url)[0] == 404
        assert visitor().get(action.url, {"utm_source": "lettre"}).status_code == 404
    finally:
        on_another_connection(lambda: AxisPage.objects.filter(pk=axis.pk).delete())


def test_a_snippet_renamed_during_a_visit_shows_once_committed():
    organisation = Organisation.objects.get(
        name="Communauté de Communes du Limouxin", locale__language_code="fr"
    )
    contract_url = aude_contract().url
    assert "Communauté de Communes du Limouxin" in html_of(contract_url)[1]

    def rename(name):
        organisation.name = name
        organisation.save()

    try:
        race(lambda: rename("Communauté de Communes du Limouxin renommée"), [contract_url])
        assert "Limouxin renommée" in html_of(contract_url)[1]
    finally:
        on_another_connection(lambda: rename("Communauté de Communes du Limouxin"))
