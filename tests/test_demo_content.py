"""The demo sites say what their source pages say, and mark everything else as an example."""

import html
import json
import re

import pytest
from django.utils.html import strip_tags
from wagtail.models import Page

from cls.models import ActionPage, AgendaPage, AxisPage, ContractPage, DocumentCollectionPage
from home.demo import aude_source, documents, ruffecois_source
from home.models import NewsPage

pytestmark = pytest.mark.django_db

# The ranges ARCEP keeps for fiction (decision 2014-0966): no real line can ring.
FICTION_NUMBERS = re.compile(r"0(1 99 00|2 61 91|3 53 73|4 65 71|5 36 49|6 39 98|9 77 40)")
PHONE_NUMBER = re.compile(r"\b0\d(?: \d\d){4}\b")


def visible_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    # The sources type straight apostrophes, French pages print typographic ones.
    return " ".join(html.unescape(strip_tags(page)).replace("’", "'").split())


def live_urls(site, language="fr"):
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    return [page.relative_url(site) for page in pages.filter(locale__language_code=language)]


def test_the_ruffecois_site_says_everything_its_source_page_says(ruffecois_client):
    contract = visible_text(ruffecois_client, "/cls/")
    passages = [
        ruffecois_source.LAW,
        ruffecois_source.PURPOSE,
        ruffecois_source.COORDINATION,
        ruffecois_source.INTERSECTORAL,
        *ruffecois_source.INTERSECTORAL_AIMS,
        ruffecois_source.DURATION,
        *ruffecois_source.OBJECTIVES,
        *ruffecois_source.HEALTH_PROBLEMS,
        ruffecois_source.FRAMING_LETTER,
        ruffecois_source.LIMITED_ACTIONS,
        ruffecois_source.PRIORITIES,
        *(title for _number, title in ruffecois_source.AXES),
        "Syndicat Mixte du Pays Ruffécois",
    ]
    for passage in passages:
        assert " ".join(passage.split()) in contract, passage
    minutes = visible_text(ruffecois_client, "/cls/comptes-rendus/")
    for group in ruffecois_source.WORKING_GROUPS:
        for date, topic in group.meetings:
            assert documents.meeting_title(date, topic) in minutes
    assert "12 documents" in minutes
    mobility = visible_text(ruffecois_client, "/cls/comptes-rendus-du-groupe-mobilite/")
    assert "ne liste aucun compte-rendu de ce groupe" in mobility


def test_the_aude_site_says_everything_its_source_page_says(aude_client):
    contract = visible_text(aude_client, "/cls-2/")
    passages = [
        *aude_source.DEFINITION,  # both halves of the definition
        *aude_source.MISSIONS,
        aude_source.ACTIONS_INTRO,
        *aude_source.ACTIONS,
        aude_source.APPROACH,
        aude_source.DIAGNOSTIC_OUTCOME,
        "Communauté de Communes des Pyrénées Audoises",
        "Communauté de Communes du Limouxin",
        "Agence Régionale de Santé",
    ]
    for passage in passages:
        assert passage in contract, passage
    for number, _title, _colour, text in aude_source.AXES:
        assert text in visible_text(aude_client, f"/cls-2/axe-{number}/")


def test_the_aude_site_explains_its_137_communes_against_the_sources_138(aude_client):
    contract = visible_text(aude_client, "/cls-2/")
    assert "138 communes" in contract
    assert "137 : 61 pour les Pyrénées Audoises et 76 pour le Limouxin" in contract
    assert "137 communes, " in contract  # the count computed from the list
    home = visible_text(aude_client, "/")
    assert "137 communes au Code officiel géographique 2026 (138 selon le contrat)" in home


def test_every_invented_page_of_the_demo_says_it_is_an_example(
    aude_client, aude_site, ruffecois_client, ruffecois_site
):
    notice = '<p class="example-notice"><span class="tag tag--example">Exemple</span> '
    for client, site in ((aude_client, aude_site), (ruffecois_client, ruffecois_site)):
        invented = [
            *ActionPage.objects.descendant_of(site.root_page),
            *NewsPage.objects.descendant_of(site.root_page),
        ]
        assert len(invented) >= 4
        for page in invented:
            assert page.example_note, page.title
            assert notice in client.get(page.url).content.decode(), page.title
    ruffecois_actions = ActionPage.objects.descendant_of(ruffecois_site.root_page)
    assert ruffecois_actions.count() == 5
    assert all("ne détaille aucune fiche action" in a.example_note for a in ruffecois_actions)


def test_cards_listing_invented_content_carry_the_example_badge(
    aude_client, ruffecois_client, ruffecois_site
):
    badge = '<span class="tag tag--example">Exemple</span>'
    axis = aude_client.get("/cls-2/axe-2/").content.decode()
    assert axis.count(badge) == 2  # Parlons santé, Dépistages diabète
    home = aude_client.get("/").content.decode()
    assert home.count(badge) == 6  # three events, three news
    tracker = ruffecois_client.get("/cls/suivi/").content.decode()
    assert tracker.count(badge) == 5
    agenda = AgendaPage.objects.descendant_of(ruffecois_site.root_page).get()
    archives = ruffecois_client.get(f"{agenda.url}archives/").content.decode()
    assert archives.count(badge) == 2


def test_feeds_calendars_and_data_name_invented_items_as_examples(aude_client):
    agenda = AgendaPage.objects.get(url_path__endswith="/localhost/agenda/")
    calendar = aude_client.get(f"{agenda.url}ics/").content.decode()
    assert "SUMMARY:Exemple : Journée de dépistage du diabète" in calendar
    news_feed = aude_client.get("/actualites/rss/").content.decode()
    assert "<title>Exemple : Parlons santé revient en 2027</title>" in news_feed
    event_page = aude_client.get(f"{agenda.url}4/").content.decode()
    assert "application/ld+json" not in event_page  # an invented event is not announced
    data = json.loads(aude_client.get("/cls-2/suivi/json/").content)
    assert {action["is_example"] for action in data["actions"]} == {True}


def test_every_demo_page_carries_the_demo_notice(aude_client, aude_site):
    for url in live_urls(aude_site) + live_urls(aude_site, "en"):
        text = visible_text(aude_client, url)
        assert "Site de démonstration" in text or "Demonstration site" in text, url


def test_no_placeholder_or_invented_audit_is_shown_as_a_fact(
    aude_client, aude_site, ruffecois_client, ruffecois_site
):
    for client, site in ((aude_client, aude_site), (ruffecois_client, ruffecois_site)):
        for url in live_urls(site):
            text = visible_text(client, url)
            for placeholder in ("Le président ou la présidente", "Hébergeur de démonstration"):
                assert placeholder not in text, url
            assert "% des critères du RGAA sont respectés" not in text, url
            assert "Accessibilité : non conforme" in text, url


def test_every_phone_number_on_the_demo_sites_is_kept_for_fiction(
    aude_client, aude_site, ruffecois_client, ruffecois_site
):
    numbers = set()
    for client, site in ((aude_client, aude_site), (ruffecois_client, ruffecois_site)):
        for url in live_urls(site):
            numbers.update(PHONE_NUMBER.findall(visible_text(client, url)))
    assert numbers
    assert all(FICTION_NUMBERS.match(number) for number in numbers), numbers


def test_an_expired_contract_is_presented_as_past_with_its_axes(ruffecois_client):
    home = ruffecois_client.get("/").content.decode()
    assert "Le contrat précédent" in home
    assert "Le contrat en cours" not in home
    contract = ContractPage.objects.get(slug="cls", locale__language_code="fr")
    axes = home[home.index('<h2 id="featured-axes-title">') :]
    for axis in AxisPage.objects.child_of(contract):
        assert f'<a href="{axis.relative_url(contract.get_site())}">' in axes


def test_a_running_contract_is_presented_as_current_with_its_axes(aude_client):
    home = visible_text(aude_client, "/")
    assert "Le contrat en cours" in home
    assert "Les axes du contrat Axe 1 Accès aux droits et aux soins Axe 2 " in home


def test_the_english_home_page_shows_the_english_axes(aude_client):
    html = aude_client.get("/en/").content.decode()
    axes = html[html.index('<h2 id="featured-axes-title">') :]
    axes = axes[: axes.index("</section>")]
    assert axes.count('<a href="/en/cls-2/axe-') == 5
    assert "Access to rights and care" in axes


def test_the_minutes_are_one_click_from_the_home_page_and_the_top_of_the_contract(
    ruffecois_client,
):
    minutes = DocumentCollectionPage.objects.get(slug="comptes-rendus", locale__language_code="fr")
    link = f'<a href="{minutes.relative_url(minutes.get_site())}">'
    home = ruffecois_client.get("/").content.decode()
    assert link + "Tous les comptes-rendus des groupes de travail</a>" in home
    contract = ruffecois_client.get("/cls/").content.decode()
    # Right after the key documents, before the definition and the axes.
    assert contract.index(link) < contract.index('id="definition-title"')
    assert contract.index(link) < contract.index('id="axes-title"')
