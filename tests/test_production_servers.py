"""Two application servers share PostgreSQL and Redis, as behind a load balancer; a
threaded one, behind the TLS proxy, takes simultaneous guesses and gives out https links.

Runs on PostgreSQL only: the servers are separate processes and must see the test
database (SQLite's test database lives in the memory of the pytest process).
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
import redis
from axes.models import AccessAttempt
from django.db import connection
from icalendar import Calendar
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from home.models import ContentPage

from .conftest import RUFFECOIS_HOST
from .production_servers import (
    TEST_REDIS_URL,
    Browser,
    Server,
    collect_static,
    create_production_superuser,
    database_url,
    postgres_only,
    production_environment,
    shared_test_files,
)

pytestmark = postgres_only("the servers share the test database")

ADMIN, PASSWORD = "multi-serveurs", "deux-serveurs-un-site"  # noqa: S105 (test account)
LOCKED_OUT = "Trop de tentatives infructueuses depuis votre connexion"
WRONG_LOGIN = "ne correspondent à aucun utilisateur"
TITLE_BEFORE, TITLE_AFTER = "Permanence santé", "Permanence santé du jeudi"


def page_path(page):
    return page.get_url_parts()[2]


@pytest.fixture(scope="module")
def committed_page(django_db_setup, django_db_blocker):
    """A page and an administrator the servers can see: committed, removed afterwards."""
    with django_db_blocker.unblock():
        home = Site.objects.get(hostname=RUFFECOIS_HOST).root_page
        page = ContentPage(title=TITLE_BEFORE, slug="multi-serveurs", intro="Le jeudi.")
        home.add_child(instance=page)
        page.save_revision().publish()
        admin = create_production_superuser(ADMIN, PASSWORD)
        try:
            yield page
        finally:
            page.delete()
            admin.delete()
            AccessAttempt.objects.filter(username=ADMIN).delete()  # the servers committed them


@pytest.fixture(scope="module")
def servers(committed_page, django_db_blocker, tmp_path_factory):
    redis.Redis.from_url(TEST_REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("s")
        )
    environment.update(shared_test_files())
    collect_static(environment)
    pair = [Server(environment), Server(environment)]
    try:
        for server in pair:
            server.wait_until_healthy()
        yield pair
    finally:
        for server in pair:
            server.stop()
        redis.Redis.from_url(TEST_REDIS_URL).flushdb()


def test_a_page_published_through_one_server_is_served_by_the_other(servers, committed_page):
    server_a, server_b = servers
    visitor_on_b = Browser(server_b)
    assert TITLE_BEFORE in visitor_on_b.get(page_path(committed_page)).text

    editor_on_a = Browser(server_a)
    assert editor_on_a.log_in(ADMIN, PASSWORD).status == 302
    edit_path = f"/admin/pages/{committed_page.pk}/edit/"
    edit_form = editor_on_a.get(edit_path).text
    form = querydict_from_html(edit_form, form_id="page-edit-form")
    form["csrfmiddlewaretoken"] = editor_on_a.csrf_token(edit_form)
    form["title"] = TITLE_AFTER
    form["body-count"] = "0"  # the StreamField widget, normally set by its JS
    form["action-publish"] = "action-publish"
    assert editor_on_a.request(edit_path, form.urlencode()).status == 302

    page_on_b = visitor_on_b.get(page_path(committed_page))
    assert page_on_b.status == 200
    assert TITLE_AFTER in re.search(r"<h1[^>]*>(.*?)</h1>", page_on_b.text, re.S).group(1)


def test_failed_logins_on_one_server_lock_the_other(servers):
    server_a, server_b = servers
    attacker = {"X-Forwarded-For": "203.0.113.66"}  # as the proxy gives the client's address
    for _attempt in range(5):
        assert Browser(server_a, headers=attacker).log_in(ADMIN, "devine").status == 200
    # Same client, same account, other server: the count lives in the database.
    refused = Browser(server_b, headers=attacker)
    assert "Trop de tentatives" in refused.log_in(ADMIN, PASSWORD).text
    assert "sessionid" not in refused.cookies
    # The administrator, elsewhere, still gets in.
    administrator = Browser(server_b, headers={"X-Forwarded-For": "198.51.100.7"})
    assert administrator.log_in(ADMIN, PASSWORD).status == 302


def test_production_headers_and_static_files(servers):
    response = Browser(servers[0]).get("/")
    assert response.status == 200
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', response.text).group(1)
    static = Browser(servers[1]).get(stylesheet)
    assert static.status == 200
    assert "max-age=315360000" in static.headers["Cache-Control"]  # hashed name: immutable


def test_plain_http_is_redirected_except_the_health_probe(servers):
    plain_http = Browser(servers[0], behind_tls_proxy=False)
    redirect = plain_http.get("/")
    assert redirect.status == 301
    assert redirect.headers["Location"].startswith("https://")
    assert plain_http.get("/healthz").status == 200


@pytest.fixture(scope="module")
def threaded_server(committed_page, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("static")
        )
    # Up to 20 requests at once: two processes of ten threads.
    environment.update(WEB_CONCURRENCY="2", GUNICORN_THREADS="10", **shared_test_files())
    collect_static(environment)
    started = Server(environment)
    try:
        started.wait_until_healthy()
        yield started
    finally:
        started.stop()


def test_forty_simultaneous_guesses_get_five_passwords_checked(threaded_server):
    """The count and the check of each guess are one at a time, so the limit holds."""
    attacker = {"X-Forwarded-For": "203.0.113.99"}
    browsers = [Browser(threaded_server, headers=attacker) for _guess in range(40)]
    forms = [
        urlencode(
            {
                "csrfmiddlewaretoken": browser.csrf_token(browser.get("/admin/login/").text),
                "username": ADMIN,
                "password": f"essai-{index}",
            }
        )
        for index, browser in enumerate(browsers)
    ]
    all_ready = threading.Barrier(40)

    def guess(browser, form):
        all_ready.wait(timeout=30)
        return browser.request("/admin/login/", form).text

    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(guess, browsers, forms))

    assert sum(WRONG_LOGIN in answer for answer in answers) == 5  # passwords checked
    assert sum(LOCKED_OUT in answer for answer in answers) == 35
    refused = Browser(threaded_server, headers=attacker)
    assert LOCKED_OUT in refused.log_in(ADMIN, PASSWORD).text
    assert "sessionid" not in refused.cookies
    elsewhere = Browser(threaded_server, headers={"X-Forwarded-For": "198.51.100.7"})
    assert elsewhere.log_in(ADMIN, PASSWORD).status == 302


def test_links_are_https_on_the_site_s_own_host(threaded_server):
    """Whatever port the Host header carries (here the server's own)."""
    visitor = Browser(threaded_server, hostname="localhost")  # Host: localhost:<server port>
    port = f":{threaded_server.port}"
    sitemap = visitor.get("/sitemap.xml").text
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    alternates = re.findall(r'hreflang="\w+" href="([^"]+)"', sitemap)
    assert locations and alternates
    assert all(url.startswith("https://localhost/") for url in locations + alternates)
    assert port not in sitemap

    home = visitor.get("/en/").text
    assert '<link rel="alternate" hreflang="fr" href="https://localhost/">' in home
    assert '<link rel="alternate" hreflang="en" href="https://localhost/en/">' in home

    feed = visitor.get("/agenda/rss/").text
    assert "<link>https://localhost/agenda/</link>" in feed
    assert port not in feed and "http://localhost" not in feed
    events = Calendar.from_ical(visitor.get("/agenda/ics/").text).walk("VEVENT")
    assert events
    assert all(str(event["URL"]).startswith("https://localhost/agenda/") for event in events)
    assert all(str(event["UID"]).endswith("@localhost") for event in events)
