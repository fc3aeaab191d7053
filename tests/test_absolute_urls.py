"""Links given out to other programs carry the site's own address, https behind the proxy.

Sitemap, feeds, calendars, hreflang alternates, open data and e-mails: the request's
Host header may carry any port (Django checks the name only), and behind the TLS proxy
the application itself is reached over plain HTTP.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from icalendar import Calendar

from .conftest import AUDE_HOST

pytestmark = pytest.mark.django_db

# What the Aude demo site gives out, each with links to its own pages.
EXPORTS = [
    "/sitemap.xml",
    "/",  # <link rel="alternate" hreflang>: the site is in French and English
    "/en/",
    "/actualites/rss/",
    "/actualites/atom/",
    "/agenda/rss/",
    "/agenda/atom/",
    "/cls-2/suivi/json/",
]
SPOOFED = f"{AUDE_HOST}:6666"


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def calendar_links(client):
    events = Calendar.from_ical(client.get("/agenda/ics/").content).walk("VEVENT")
    assert events
    return [(str(event["URL"]), str(event["UID"])) for event in events]


def test_a_port_added_to_the_host_header_never_shows_in_links():
    client = Client(HTTP_HOST=SPOOFED)
    for url in EXPORTS:
        text = text_of(client, url)
        assert ":6666" not in text, url
        assert re.search(r"http://localhost/(en/)?\w", text), url
    for link, uid in calendar_links(client):
        assert link.startswith("http://localhost/agenda/")
        assert uid.endswith("@localhost")


def test_behind_the_tls_proxy_every_link_is_https(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client(HTTP_HOST=SPOOFED, HTTP_X_FORWARDED_PROTO="https")
    for url in EXPORTS:
        text = text_of(client, url)
        assert "http://localhost" not in text, url
        assert ":6666" not in text, url
        assert re.search(r"https://localhost/(en/)?\w", text), url
    for link, _uid in calendar_links(client):
        assert link.startswith("https://localhost/agenda/")


def test_the_sitemap_lists_https_pages_and_alternates_behind_the_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client(HTTP_HOST=AUDE_HOST, HTTP_X_FORWARDED_PROTO="https")
    sitemap = text_of(client, "/sitemap.xml")
    assert "<loc>https://localhost/</loc>" in sitemap
    assert 'hreflang="en" href="https://localhost/en/"' in sitemap
    home = text_of(client, "/")
    assert '<link rel="alternate" hreflang="fr" href="https://localhost/">' in home
    assert '<link rel="alternate" hreflang="en" href="https://localhost/en/">' in home


def test_password_reset_mails_link_to_the_configured_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cls-haute-vallee-aude.fr"
    get_user_model().objects.create_user("redaction", "redaction@example.org", "x")
    response = Client(HTTP_HOST=SPOOFED).post(
        "/admin/password_reset/", {"email": "redaction@example.org"}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "https://cls-haute-vallee-aude.fr/admin/password_reset/confirm/" in message.body
    assert "6666" not in message.body
