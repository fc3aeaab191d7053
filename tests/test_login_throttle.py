"""Guessing passwords: logins, private pages and collections, behind the reverse proxy.

Failures are counted in the database (django-axes), per client address and account or
password, and per address in all; the concurrent case is in test_production_servers.py.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import F
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cls.models import SiteDocument
from home.models import ContentPage

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-correct"  # noqa: S105 (test accounts and restrictions)
PROXY = "10.0.0.1"  # the reverse proxy: every request comes from it
ATTACKER, EDITOR = "203.0.113.66", "198.51.100.7"
LOCKED_OUT = "Trop de tentatives infructueuses depuis votre connexion"
WRONG_LOGIN = "ne correspondent à aucun utilisateur"  # Wagtail's French message
WRONG_GUESS = "Le mot de passe que vous avez saisi est incorrect"  # a page or collection password


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redaction", "r@example.org", PASSWORD)


def log_in(client, password, address, username="redaction"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_address_not_the_account(client, editor):
    for _attempt in range(5):
        assert WRONG_LOGIN in log_in(client, "devine", ATTACKER).content.decode()
    refused = log_in(client, PASSWORD, ATTACKER)
    assert refused.status_code == 200
    assert LOCKED_OUT in refused.content.decode()
    assert "réessayez dans 15 minutes" in refused.content.decode()
    assert not logged_in(client)
    # Same proxy, another client: the editor gets in.
    assert log_in(client, PASSWORD, EDITOR).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lock_ends_fifteen_minutes_after_the_last_failure(client, editor):
    for _attempt in range(5):
        log_in(client, "devine", ATTACKER)
    failures = AccessAttempt.objects.filter(ip_address=ATTACKER)
    failures.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert LOCKED_OUT in log_in(client, PASSWORD, ATTACKER).content.decode()
    failures.update(attempt_time=F("attempt_time") - timedelta(minutes=1, seconds=1))
    assert log_in(client, PASSWORD, ATTACKER).status_code == 302


def test_the_address_is_the_last_one_the_proxy_gives(client, editor):
    # An attacker writing the editor's address in its own X-Forwarded-For: the proxy
    # appends the real one, which is the one counted.
    for _attempt in range(5):
        log_in(client, "devine", f"{EDITOR}, {ATTACKER}")
    assert LOCKED_OUT in log_in(client, PASSWORD, ATTACKER).content.decode()
    assert log_in(client, PASSWORD, EDITOR).status_code == 302


def test_without_the_proxy_header_the_connection_address_counts(client, editor, settings):
    settings.CLIENT_IP_HEADER = ""
    for _attempt in range(5):
        log_in(client, "devine", ATTACKER)
    # X-Forwarded-For is ignored: every attempt came from the proxy's address.
    assert LOCKED_OUT in log_in(client, PASSWORD, EDITOR).content.decode()


def test_a_success_before_the_limit_clears_the_count(client, editor):
    for _attempt in range(4):
        log_in(client, "devine", EDITOR)
    assert log_in(client, PASSWORD, EDITOR).status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, "devine", EDITOR)
    assert log_in(client, PASSWORD, EDITOR).status_code == 302


def test_one_address_cannot_try_every_account(client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 8
    users = get_user_model().objects
    for name in ("alice", "bruno", "chloe", "denis"):
        users.create_user(name, f"{name}@example.org", PASSWORD, is_superuser=True)
    for name in ("alice", "bruno", "chloe", "denis"):
        for _attempt in range(2):
            assert WRONG_LOGIN in log_in(client, "devine", ATTACKER, name).content.decode()
    # 8 failures from this address, never more than 2 per account: refused all the same.
    users.create_user("emile", "e@example.org", PASSWORD, is_superuser=True)
    assert LOCKED_OUT in log_in(client, PASSWORD, ATTACKER, "emile").content.decode()
    assert log_in(client, PASSWORD, EDITOR, "emile").status_code == 302


def test_logins_are_counted_and_work_while_redis_is_down(client, editor, settings):
    # Nothing listens on port 1: every cache operation fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "config.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    for _attempt in range(5):
        log_in(client, "devine", ATTACKER)
    assert LOCKED_OUT in log_in(client, PASSWORD, ATTACKER).content.decode()
    assert log_in(client, PASSWORD, EDITOR).status_code == 302


# Private pages and collections -----------------------------------------------------


@pytest.fixture
def private_page(aude_site):
    page = aude_site.root_page.add_child(
        instance=ContentPage(title="Espace des élus", slug="elus", intro="Ordre du jour du COPIL.")
    )
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


def try_page_password(client, page, password, address):
    restriction = PageViewRestriction.objects.get(page=page)
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_a_private_page_refuses_the_right_password_after_five_wrong_ones(aude_client, private_page):
    assert "Ordre du jour" not in aude_client.get(private_page.url).content.decode()
    for _attempt in range(5):
        wrong = try_page_password(aude_client, private_page, "devine", ATTACKER)
        assert WRONG_GUESS in wrong.content.decode()
    refused = try_page_password(aude_client, private_page, PASSWORD, ATTACKER)
    assert LOCKED_OUT in refused.content.decode()
    assert "Ordre du jour" not in aude_client.get(private_page.url).content.decode()

    elected_member = try_page_password(aude_client, private_page, PASSWORD, EDITOR)
    assert elected_member.status_code == 302
    assert elected_member.url == private_page.url
    assert "Ordre du jour du COPIL" in aude_client.get(private_page.url).content.decode()


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Documents du COPIL")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = SiteDocument(title="Budget prévisionnel", collection=collection)
    document.file.save("budget.csv", ContentFile(b"Poste;Montant\n"), save=False)
    document.save()
    return document


def try_collection_password(client, document, password, address):
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    return client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": password, "return_url": document.url},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_a_private_collection_refuses_the_right_password_after_five_wrong_ones(
    ruffecois_client, private_document
):
    for _attempt in range(5):
        wrong = try_collection_password(ruffecois_client, private_document, "devine", ATTACKER)
        assert WRONG_GUESS in wrong.content.decode()
    refused = try_collection_password(ruffecois_client, private_document, PASSWORD, ATTACKER)
    assert LOCKED_OUT in refused.content.decode()
    assert ruffecois_client.get(private_document.url).status_code == 200  # the password form
    assert "Budget prévisionnel" not in ruffecois_client.get(private_document.url).content.decode()

    member = try_collection_password(ruffecois_client, private_document, PASSWORD, EDITOR)
    assert member.status_code == 302
    download = ruffecois_client.get(private_document.url)
    assert b"".join(download.streaming_content) == b"Poste;Montant\n"


def test_page_and_login_failures_add_up_per_address(client, aude_client, private_page, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 6
    for _attempt in range(3):
        try_page_password(aude_client, private_page, "devine", ATTACKER)
    for _attempt in range(3):
        log_in(client, "devine", ATTACKER, "quelquun")
    get_user_model().objects.create_superuser("redaction", "r@example.org", PASSWORD)
    assert LOCKED_OUT in log_in(client, PASSWORD, ATTACKER).content.decode()


# The public login page --------------------------------------------------------------


def test_public_sites_have_no_login_form_of_their_own(aude_client, editor):
    response = aude_client.get("/_util/login/?next=/elus/")
    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/elus/"
    posted = aude_client.post("/_util/login/", {"username": "redaction", "password": PASSWORD})
    assert posted.status_code != 200
    assert not logged_in(aude_client)
    assert aude_client.get("/en/_util/login/").url == "/admin/login/"


def test_pages_for_signed_in_visitors_send_them_to_the_admin_login_and_back(aude_client, aude_site):
    page = aude_site.root_page.add_child(
        instance=ContentPage(title="Espace partenaires", slug="partenaires", intro="Bilan 2024.")
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    get_user_model().objects.create_user("partenaire", "p@example.org", PASSWORD)

    to_login = aude_client.get("/partenaires/")
    assert to_login.status_code == 302
    assert to_login.url == "/admin/login/?next=/partenaires/"
    signed_in = aude_client.post(to_login.url, {"username": "partenaire", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert signed_in.url == "/partenaires/"
    assert "Bilan 2024." in aude_client.get("/partenaires/").content.decode()
