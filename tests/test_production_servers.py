"""Two application servers share PostgreSQL and Redis, as behind a load balancer.

Runs on PostgreSQL only: the servers are separate processes and must see the test
database (SQLite's test database lives in the memory of the pytest process).
"""

import re

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from home.models import ContentPage

from .conftest import RUFFECOIS_HOST
from .production_servers import (
    TEST_REDIS_URL,
    Browser,
    Server,
    collect_static,
    database_url,
    postgres_only,
    production_environment,
)

pytestmark = postgres_only("the servers share the test database")

ADMIN, PASSWORD = "multi-serveurs", "deux-serveurs-un-site"  # noqa: S105 (test account)
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
        # Hashed as production does: the test settings' fast hasher is unknown there.
        hasher = PBKDF2PasswordHasher()
        admin = get_user_model().objects.create_superuser(ADMIN, "ms@example.org")
        admin.password = hasher.encode(PASSWORD, hasher.salt())
        admin.save()
        try:
            yield page
        finally:
            page.delete()
            admin.delete()


@pytest.fixture(scope="module")
def servers(committed_page, django_db_blocker, tmp_path_factory):
    redis.Redis.from_url(TEST_REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("s")
        )
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
    attacker_on_a = Browser(server_a)
    for _attempt in range(5):
        assert attacker_on_a.log_in(ADMIN, "devine").status == 200
    # Same client address, same account, other server: the count lives in Redis.
    refused = Browser(server_b).log_in(ADMIN, PASSWORD)
    assert refused.status == 200
    assert "sessionid" not in Browser(server_b).cookies
    redis.Redis.from_url(TEST_REDIS_URL).flushdb()
    assert Browser(server_b).log_in(ADMIN, PASSWORD).status == 302


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
