"""Anonymous visitors get cached pages, never stale ones, never someone else's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cls.models import ActionPage, AxisPage, Organisation
from contacts.models import ContactPage
from home.models import NewsTag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 600


def test_a_second_visit_is_served_from_the_cache_without_queries(
    aude_client, django_assert_num_queries
):
    axis = AxisPage.objects.get(title="Prévention et promotion de la santé")
    first = aude_client.get(axis.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = aude_client.get(axis.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"


def test_publishing_an_action_changes_its_axis_page_at_once(aude_client):
    action = ActionPage.objects.get(title="Dépistages diabète")
    axis_url = action.get_parent().url
    assert "Réalisée" not in aude_client.get(axis_url).content.decode()
    action.status = "realisee"
    action.save_revision().publish()
    response = aude_client.get(axis_url)
    assert response["X-Page-Cache"] == "miss"
    assert "Réalisée" in response.content.decode()


def test_unpublishing_removes_the_page_from_its_axis(aude_client):
    action = ActionPage.objects.get(title="Semaine bleue")
    axis_url = action.get_parent().url
    assert "Semaine bleue" in aude_client.get(axis_url).content.decode()
    action.unpublish()
    assert "Semaine bleue" not in aude_client.get(axis_url).content.decode()
    assert aude_client.get(action.url).status_code == 404


def test_a_snippet_change_empties_the_cache(aude_client):
    contract_url = "/cls-2/"
    aude_client.get(contract_url)
    organisation = Organisation.objects.get(
        name="Communauté de Communes du Limouxin", locale__language_code="fr"
    )
    organisation.name = "Communauté de Communes du Limouxin et de la Haute Vallée"
    organisation.save()
    assert "du Limouxin et de la Haute Vallée" in aude_client.get(contract_url).content.decode()


def test_a_logged_in_editor_never_gets_a_cached_page(aude_client):
    axis = AxisPage.objects.get(title="Prévention et promotion de la santé")
    aude_client.get(axis.url)  # cached for visitors
    editor = Client(HTTP_HOST="localhost")
    editor.force_login(get_user_model().objects.create_superuser("e", "e@example.org", "x"))
    response = editor.get(axis.url)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_form_page_with_a_csrf_token_is_never_shared(aude_site):
    contact = ContactPage.objects.descendant_of(aude_site.root_page).get()
    first_visitor = Client(HTTP_HOST="localhost")
    second_visitor = Client(HTTP_HOST="localhost")
    first = first_visitor.get(contact.url)
    second = second_visitor.get(contact.url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    token = first.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in second.content.decode()


class RecordingCDN(BaseBackend):
    """A frontend cache backend that remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_behind_a_cdn_pages_say_how_long_it_may_keep_them(aude_client, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 300
    response = aude_client.get("/")
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"


def test_publishing_an_action_purges_it_and_the_pages_listing_it_from_the_cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.test_page_cache.RecordingCDN"}}
    RecordingCDN.purged.clear()
    action = ActionPage.objects.get(title="Dépistages diabète")
    axis = action.get_parent()
    contract = axis.get_parent()
    action.save_revision().publish()
    purged = set(RecordingCDN.purged)
    for page in (action, axis, contract, contract.get_parent()):
        assert page.full_url in purged


def test_each_language_has_its_own_cached_page(aude_client):
    french = aude_client.get("/agenda/archives/")
    english = aude_client.get("/en/agenda/archives/")
    assert (french["X-Page-Cache"], english["X-Page-Cache"]) == ("miss", "miss")
    again = aude_client.get("/en/agenda/archives/")
    assert again["X-Page-Cache"] == "hit"
    assert '<html lang="en">' in again.content.decode()
    # The switcher stays on the archives, in the other language.
    assert 'href="/agenda/archives/" lang="fr"' in again.content.decode()
    assert 'href="/en/agenda/archives/" lang="en"' in french.content.decode()


def test_translating_a_news_tag_refreshes_the_english_pages(aude_client):
    assert ">prevention</a>" in aude_client.get("/en/actualites/").content.decode()
    tag = NewsTag.objects.get(name="prevention")
    tag.name = "health prevention"
    tag.save()
    response = aude_client.get("/en/actualites/")
    assert response["X-Page-Cache"] == "miss"
    assert ">health prevention</a>" in response.content.decode()
