"""Behind the TLS proxy, on gunicorn with the production settings and several threads.

Simultaneous guesses from one client get no more passwords checked than the limit, and
the links the sites give out are https, whatever port the Host header carries (the
test browser sends the server's own port).

PostgreSQL only: the server is a separate process and must see the test database.
"""

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.db import connection
from icalendar import Calendar

from .production_servers import (
    Browser,
    Server,
    collect_static,
    create_production_superuser,
    database_url,
    production_environment,
)

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL=postgres://… (the server shares the test database)",
    ),
    pytest.mark.django_db,  # so that pytest-django creates the test database
]

ADMIN, PASSWORD = "derriere-le-proxy", "un-seul-essai-a-la-fois"  # noqa: S105 (test account)
GUESSES = 40
LOCKED_OUT = "Trop de tentatives infructueuses depuis votre connexion"
WRONG_LOGIN = "ne correspondent à aucun utilisateur"


@pytest.fixture(scope="module")
def administrator(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        user = create_production_superuser(ADMIN, PASSWORD)
        try:
            yield user
        finally:
            user.delete()
            AccessAttempt.objects.filter(username=ADMIN).delete()  # the server committed them


@pytest.fixture(scope="module")
def server(administrator, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("static")
        )
    # Up to 20 requests at once: two processes of ten threads.
    environment.update(WEB_CONCURRENCY="2", GUNICORN_THREADS="10")
    collect_static(environment)
    started = Server(environment)
    try:
        started.wait_until_healthy()
        yield started
    finally:
        started.stop()


def test_forty_simultaneous_guesses_get_five_passwords_checked(server):
    attacker = {"X-Forwarded-For": "203.0.113.99"}
    browsers = [Browser(server, headers=attacker) for _guess in range(GUESSES)]
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
    all_ready = threading.Barrier(GUESSES)

    def guess(browser, form):
        all_ready.wait(timeout=30)
        return browser.request("/admin/login/", form).text

    with ThreadPoolExecutor(GUESSES) as pool:
        answers = list(pool.map(guess, browsers, forms))

    assert sum(WRONG_LOGIN in answer for answer in answers) == 5  # passwords checked
    assert sum(LOCKED_OUT in answer for answer in answers) == GUESSES - 5
    refused = Browser(server, headers=attacker)
    assert LOCKED_OUT in refused.log_in(ADMIN, PASSWORD).text
    assert "sessionid" not in refused.cookies
    elsewhere = Browser(server, headers={"X-Forwarded-For": "198.51.100.7"})
    assert elsewhere.log_in(ADMIN, PASSWORD).status == 302


def test_links_are_https_on_the_site_s_own_host(server):
    visitor = Browser(server, hostname="localhost")  # Host: localhost:<server port>
    port = f":{server.port}"
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
