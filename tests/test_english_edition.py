"""The English edition of both demo sites: English everywhere a visitor looks, links to
English pages, a language switcher that keeps the visitor where they are, feeds that name
the site."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale, Page

from cls.models import ActionEvent, ActionPage
from contacts.models import FormField
from tests.conftest import AUDE_HOST, RUFFECOIS_HOST
from tests.english_crawl import crawl_english_edition, french_words

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caches_off")]

# Sub-routes that no link of the demo reaches: a commune's page (reached through the
# finder's form), a filtered tracker, a finder search.
EXTRA_URLS = {
    AUDE_HOST: [
        "/en/ma-commune/11206/",
        "/en/ma-commune/?q=11300",
        "/en/cls-2/suivi/?axe=axe-2&etat=en-cours",
        "/en/recherche/?q=health",
    ],
    RUFFECOIS_HOST: ["/en/ma-commune/16292/", "/en/cls/suivi/?commune=16292"],
}


def english_start_urls(client, host):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    english = sorted(path for path in paths if path.startswith("/en/") and path != "/en/")
    return ["/en/", *english, *EXTRA_URLS[host]]


def french_urls_with_english(site):
    """The URL paths of the site's French pages that have a live English translation."""
    french = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    translated = Page.objects.live().filter(
        locale__language_code="en", translation_key__in=french.values("translation_key")
    )
    keys = set(translated.values_list("translation_key", flat=True))
    return {page.relative_url(site) for page in french if page.translation_key in keys}


def crawl(client, site):
    return crawl_english_edition(
        client,
        site.hostname,
        english_start_urls(client, site.hostname),
        french_urls_with_english(site),
    )


@pytest.mark.parametrize("site_fixture", ["aude_site", "ruffecois_site"])
def test_every_english_page_is_in_english_and_links_to_english_pages(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    client = request.getfixturevalue(site_fixture.replace("_site", "_client"))
    report = crawl(client, site)
    # Pages, their sub-routes (tracker, agenda archives, events, communes) and feeds.
    assert len(report.pages) >= 30, report.pages
    assert any("/suivi/" in url for url in report.pages)
    assert any(url.endswith("/agenda/archives/") for url in report.pages)
    assert any(url.endswith("/rss/") for url in report.pages)
    assert report.french == {}
    assert report.french_links == {}


def test_the_word_list_comes_from_the_interface_and_spares_english_and_place_names():
    words = french_words()
    assert {"télécharger", "rechercher", "votre", "actualités", "envoyer"} <= words
    # English words, or words of place names, that the French interface also uses.
    assert not {"documents", "contact", "agenda", "tests", "pays", "limoux"} & words
    assert all(len(word) >= 4 for word in words)


def english_page(site, url_path):
    english_home = site.root_page.get_translation(Locale.objects.get(language_code="en"))
    return Page.objects.get(url_path=english_home.url_path + url_path).specific


def test_the_crawl_reports_a_translation_left_in_french(aude_client, aude_site):
    contact = english_page(aude_site, "contact/")
    field = FormField.objects.get(page=contact, clean_name="votre_nom")
    field.label = "Votre nom"  # the French label, as if never translated
    field.save()
    report = crawl_english_edition(aude_client, AUDE_HOST, ["/en/contact/"], set())
    assert report.french["/en/contact/"] == ["Votre"]


def test_the_crawl_reports_a_link_to_a_french_page_that_has_an_english_one(aude_client, aude_site):
    contact = english_page(aude_site, "contact/")
    type(contact).objects.filter(pk=contact.pk).update(
        intro='<p>See <a href="/cls-2/">the contract</a>.</p>'
    )
    report = crawl_english_edition(
        aude_client, AUDE_HOST, ["/en/contact/"], french_urls_with_english(aude_site)
    )
    assert report.french_links["/en/contact/"] == ["/cls-2/"]


def switcher_links(html):
    return dict(re.findall(r'<li><a href="([^"]+)" lang="(\w+)" hreflang', html))


def switch(client, url, language):
    response = client.get(url)
    assert response.status_code == 200, url
    links = {language: href for href, language in switcher_links(response.content.decode()).items()}
    return links[language]


def test_the_switcher_keeps_the_tracker_and_its_filters(aude_client):
    url = "/cls-2/suivi/?axe=axe-2&etat=en-cours"
    english = switch(aude_client, url, "en")
    assert english == "/en/cls-2/suivi/?axe=axe-2&amp;etat=en-cours"
    assert switch(aude_client, english.replace("&amp;", "&"), "fr") == url.replace("&", "&amp;")


@pytest.mark.parametrize(
    "french, english",
    [
        ("/ma-commune/11206/", "/en/ma-commune/11206/"),
        ("/agenda/archives/", "/en/agenda/archives/"),
        ("/cls-2/", "/en/cls-2/"),
    ],
)
def test_the_switcher_keeps_the_sub_route(aude_client, french, english):
    assert switch(aude_client, french, "en") == english
    assert switch(aude_client, english, "fr") == french


def test_the_switcher_leads_to_the_same_event_in_the_other_language(aude_client):
    english = Locale.objects.get(language_code="en")
    french_event = ActionEvent.objects.filter(locale=Locale.get_default()).first()
    english_event = ActionEvent.objects.get(
        translation_key=french_event.translation_key, locale=english
    )
    assert english_event.pk != french_event.pk
    assert switch(aude_client, f"/agenda/{french_event.pk}/", "en") == (
        f"/en/agenda/{english_event.pk}/"
    )
    assert switch(aude_client, f"/en/agenda/{english_event.pk}/", "fr") == (
        f"/agenda/{french_event.pk}/"
    )


def test_an_untranslated_page_switches_to_its_nearest_translated_ancestor(aude_client):
    axis = ActionPage.objects.get(title="Parlons santé").get_parent()
    action = axis.add_child(instance=ActionPage(title="Atelier sommeil", slug="atelier-sommeil"))
    action.save_revision().publish()
    html = aude_client.get("/cls-2/axe-2/atelier-sommeil/").content.decode()
    assert switcher_links(html) == {
        "/cls-2/axe-2/atelier-sommeil/": "fr",
        "/en/cls-2/axe-2/": "en",  # the axis: the action has no English page
    }
    # Not an alternate version of this page: no hreflang alternate for English.
    assert 'rel="alternate" hreflang="en"' not in html


def test_feeds_and_calendars_name_the_site_in_the_page_language(aude_client):
    french = aude_client.get("/agenda/rss/").content.decode()
    assert "<title>Agenda — CLS 2 Moyenne et Haute Vallée de l'Aude</title>" in french
    english = aude_client.get("/en/agenda/atom/").content.decode()
    assert (
        "<title>Events — Local Health Contract 2, Middle and Upper Aude Valley</title>" in english
    )
    news = aude_client.get("/en/actualites/rss/").content.decode()
    assert "<title>News — Local Health Contract 2, Middle and Upper Aude Valley</title>" in news
    calendar = aude_client.get("/en/agenda/ics/").content.decode().replace("\r\n ", "")
    assert "X-WR-CALNAME:Events — Local Health Contract 2, Middle and Upper Aude Valley" in (
        calendar
    )


def test_the_english_home_page_features_the_english_contract(aude_client):
    html = aude_client.get("/en/").content.decode()
    assert '<a href="/en/cls-2/">Local Health Contract 2</a>' in html
    assert 'href="/cls-2/"' not in html


def test_news_tags_show_and_filter_in_the_page_language(aude_client):
    index = aude_client.get("/en/actualites/").content.decode()
    assert '?tag=prevention">prevention</a>' in index
    filtered = aude_client.get("/en/actualites/?tag=prevention").content.decode()
    assert "Let&#x27;s talk health returns in 2027" in filtered
    assert "Free diabetes screening in Quillan" not in filtered
    french = aude_client.get("/actualites/?tag=pr%C3%A9vention").content.decode()
    assert "Parlons santé revient en 2027" in french


def test_the_english_contact_form_asks_in_english(aude_client):
    html = aude_client.get("/en/contact/").content.decode()
    assert "Your name" in html and "Your email address" in html
    assert '<option value="Suggest an action">Suggest an action</option>' in html
    # The field keeps the French page's key: both languages' messages read alike.
    assert 'name="votre_nom"' in html
