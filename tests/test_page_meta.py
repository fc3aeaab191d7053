"""What search engines and lost visitors get: meta descriptions, branded error pages,
past events marked as past, empty axes explained."""

import datetime
import html as html_lib
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from django.views.defaults import server_error

from cls.models import ActionEvent, ActionPage, AxisPage, ContractPage
from home.meta import MAX_LENGTH, meta_description, truncate_at_word
from home.models import ContentPage, SitemapPage

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, url
    return html_lib.unescape(found[0])


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/cls-2/",
        "/cls-2/axe-2/",
        "/cls-2/axe-2/depistages-diabete/",
        "/actualites/",
        "/agenda/",
        "/contact/",
        "/mentions-legales/",
        "/en/",
    ],
)
def test_home_listing_and_detail_pages_have_a_meta_description(aude_client, url):
    description = description_of(aude_client, url)
    assert 50 <= len(description) <= MAX_LENGTH, description
    assert "<" not in description and "&#x27;" not in description


def test_the_editor_s_search_description_comes_first_then_the_summary(aude_client):
    action = ActionPage.objects.get(slug="depistages-diabete", locale__language_code="fr")
    assert description_of(aude_client, action.url) == action.summary
    action.search_description = "Dépistage gratuit du diabète près de chez vous."
    action.save_revision().publish()
    assert description_of(aude_client, action.url) == action.search_description


def test_a_long_summary_is_cut_at_a_word():
    page = ContentPage(title="Long", intro="Une phrase assez longue pour déborder " * 10)
    description = meta_description(page)
    assert len(description) <= MAX_LENGTH
    assert description.endswith("…")
    kept = description[:-1]
    assert page.intro.startswith(kept) and page.intro[len(kept)] == " "  # cut between words


def test_an_axis_without_description_is_described_by_its_title_and_priorities(
    ruffecois_client,
):
    axis = AxisPage.objects.get(slug="axe-1", locale__language_code="fr", description="")
    assert description_of(ruffecois_client, axis.url) == truncate_at_word(
        f"Axe 1 – {axis.title} : priorités, objectifs et fiches action du contrat local de santé."
    )
    axis.priorities = [("priority", {"title": "Prévenir les chutes", "objectives": []})]
    axis.save_revision().publish()
    assert description_of(ruffecois_client, axis.url) == truncate_at_word(
        f"Axe 1 – {axis.title}. Priorités : Prévenir les chutes"
    )


def test_a_page_without_summary_describes_its_type():
    assert str(meta_description(SitemapPage(title="Plan du site"))).startswith("Plan du site :")


@pytest.mark.parametrize(
    "url, lang, title",
    [
        ("/page-qui-n-existe-pas/", "fr", "Page introuvable"),
        ("/en/nowhere/", "en", "Page not found"),
    ],
)
def test_a_missing_page_is_the_site_s_own_in_the_visitor_s_language(aude_client, url, lang, title):
    response = aude_client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert 'href="/static/css/site.css"' in html


def test_in_development_a_missing_page_is_still_the_site_s_own(settings, aude_client):
    settings.DEBUG = True  # Django would show its technical 404 page
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "config.middleware.NotFoundPageMiddleware"]
    response = aude_client.get("/page-qui-n-existe-pas/")
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in response.content.decode()


def test_the_server_error_page_needs_neither_database_nor_context_processors(
    settings, django_assert_num_queries
):
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": ["no.such.processor"]}}
        for engine in settings.TEMPLATES
    ]
    request = RequestFactory().get("/en/", HTTP_HOST="localhost")
    with translation.override("en"), django_assert_num_queries(0):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="en">' in html
    assert "css/site.css" in html
    with translation.override("fr"):
        assert "Le site rencontre un problème" in server_error(request).content.decode()


def test_past_events_are_marked_as_past(aude_client):
    action = ActionPage.objects.get(slug="depistages-diabete", locale__language_code="fr")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    action.events.add(ActionEvent(title="Dépistage d'hier", start=yesterday))
    action.events.add(ActionEvent(title="Dépistage de 2099", start=yesterday.replace(year=2099)))
    action.save_revision().publish()
    html = aude_client.get(action.url).content.decode()
    assert '<li class="event event--past">' in html
    assert '<span class="tag tag--past">Passé</span> Dépistage d’hier</p>' in html
    assert '<p class="event__title">Dépistage de 2099</p>' in html
    archives = aude_client.get("/agenda/archives/").content.decode()
    assert 'class="card event-card event--past"' in archives
    assert '<span class="tag tag--past">Passé</span>' in archives


def test_an_axis_without_actions_says_what_to_expect(aude_client):
    contract = ContractPage.objects.get(slug="cls-2", locale__language_code="fr")
    axis = contract.add_child(instance=AxisPage(title="Axe en préparation", number=9))
    html = aude_client.get(axis.url).content.decode()
    assert "Aucune fiche action n’est encore publiée pour cet axe" in html
    assert "contactez la mission santé" in html
