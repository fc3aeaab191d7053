"""News: dated articles with a lead, tags and related actions, an index and feeds."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from cls.models import ActionPage
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage, NewsRelatedPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(aude_site):
    return NewsIndexPage.objects.descendant_of(aude_site.root_page).get()


def add_news(index_page, title, date, tags=(), related=()):
    news = NewsPage(title=title, date=date, lead=f"Chapô de « {title} ».")
    news.tags.add(*tags)
    news.related_pages = [NewsRelatedPage(page=page) for page in related]
    index_page.add_child(instance=news)
    news.save_revision().publish()
    return news


def xml_of(response):
    return ET.fromstring(response.content)  # noqa: S314 - the site's own feed, in a test


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def titles_in(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


def test_a_visitor_reads_the_news_newest_first(aude_client):
    titles = titles_in(fetch(aude_client, "/actualites/"))
    assert titles == [
        "Parlons santé revient en 2027",
        "Dépistage gratuit du diabète à Quillan",
        "Semaine bleue\u00a0: une semaine pour les séniors du territoire",
    ]


def test_a_visitor_filters_the_news_by_tag(aude_client):
    html = fetch(aude_client, "/actualites/?tag=séniors")
    assert titles_in(html) == ["Semaine bleue\u00a0: une semaine pour les séniors du territoire"]
    assert 'aria-current="page">séniors</a>' in html
    assert "Actualités «\u00a0séniors\u00a0»" in html


def test_an_unknown_tag_says_so_and_lists_nothing(aude_client):
    html = fetch(aude_client, "/actualites/?tag=inconnu")
    assert titles_in(html) == []
    assert "Ce mot-clé n" in html


def test_the_news_index_is_paginated(aude_client, news_index):
    for number in range(12):
        add_news(news_index, f"Brève {number:02d}", datetime.date(2020, 1, 1 + number))
    first = titles_in(fetch(aude_client, "/actualites/"))
    second = titles_in(fetch(aude_client, "/actualites/?page=2"))
    # The three demo news of 2026, then the newest briefs.
    assert first[3:] == [f"Brève {number:02d}" for number in range(11, 4, -1)]
    assert second == [f"Brève {number:02d}" for number in range(4, -1, -1)]


def test_a_news_page_shows_its_date_lead_tags_and_related_action(aude_client):
    html = fetch(aude_client, "/actualites/depistage-gratuit-du-diabete-a-quillan/")
    assert '<time datetime="2026-10-20">20 octobre 2026</time>' in html
    assert "Le 14 novembre, une journée de dépistage gratuit du diabète" in html
    assert 'href="/actualites/?tag=d%C3%A9pistage"' in html
    assert 'href="/cls-2/axe-2/depistages-diabete/">Dépistages diabète</a>' in html
    assert 'href="/cls-2/axe-2/">Prévention et promotion de la santé</a>' in html


def test_the_home_page_shows_the_latest_news(aude_client):
    html = fetch(aude_client, "/")
    assert "Dernières actualités" in html
    assert "Parlons santé revient en 2027" in html
    assert 'href="/actualites/"' in html


def test_the_news_feeds_list_the_latest_news(aude_client):
    rss = xml_of(aude_client.get("/actualites/rss/"))
    items = rss.find("channel").findall("item")
    # The demo's news are examples, and their feed says so.
    assert items[0].findtext("title") == "Exemple : Parlons santé revient en 2027"
    assert items[0].findtext("link") == (
        "http://localhost/actualites/parlons-sante-revient-en-2027/"
    )
    assert [category.text for category in items[0].findall("category")] == ["prévention"]
    atom = xml_of(aude_client.get("/actualites/atom/"))
    assert len(atom.findall(f"{ATOM}entry")) == 3


def test_news_pages_announce_the_feeds_in_their_head(aude_client):
    for url in ("/actualites/", "/actualites/parlons-sante-revient-en-2027/"):
        head = fetch(aude_client, url).split("</head>")[0]
        assert 'type="application/atom+xml"' in head
        assert 'href="/actualites/rss/"' in head


def test_the_english_edition_has_the_news_translated(aude_client):
    html = fetch(aude_client, "/en/actualites/")
    assert "Let&#x27;s talk health returns in 2027" in html
    html = fetch(aude_client, "/en/actualites/depistage-gratuit-du-diabete-a-quillan/")
    assert "Free diabetes screening in Quillan" in html
    # Related pages follow the language: the English action and axis, not the French ones.
    assert 'href="/en/cls-2/axe-2/depistages-diabete/">Diabetes screening</a>' in html
    assert 'href="/en/cls-2/axe-2/">Prevention and health promotion</a>' in html


def test_private_news_stay_out_of_lists_and_feeds(aude_client, news_index):
    from wagtail.models import PageViewRestriction

    secret = add_news(news_index, "Réunion interne", datetime.date(2030, 1, 1))
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert "Réunion interne" not in fetch(aude_client, "/actualites/")
    assert "Réunion interne" not in fetch(aude_client, "/actualites/rss/")
    assert "Réunion interne" not in fetch(aude_client, "/")


def queries_for(client, url, django_assert_max_num_queries):
    client.get(url)
    with django_assert_max_num_queries(40) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/actualites/", "/actualites/rss/", "/"])
def test_news_queries_do_not_grow_with_the_number_of_news(
    aude_client, news_index, page_cache_off, django_assert_max_num_queries, url
):
    action = ActionPage.objects.descendant_of(news_index.get_parent()).get(code="2.1")
    few = queries_for(aude_client, url, django_assert_max_num_queries)
    for number in range(8):
        add_news(
            news_index,
            f"Brève {number}",
            datetime.date(2030, 1, 1 + number),
            tags=[f"thème {number}", "brève"],
            related=[action],
        )
    many = queries_for(aude_client, url, django_assert_max_num_queries)
    assert many == few
    print(f"{url}: {few} queries")


def test_an_editor_writes_a_news_item_through_the_admin(client, news_index):
    client.force_login(get_user_model().objects.create_superuser("news", "n@example.org", "x"))
    add_url = f"/admin/pages/add/home/newspage/{news_index.pk}/"
    html = client.get(add_url).content.decode()
    assert "L&#x27;essentiel en deux ou trois phrases" in html  # French help text
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        {
            "title": "Nouveau médecin à Axat",
            "slug": "nouveau-medecin",
            "date": "2026-11-20",
            "lead": "Un médecin généraliste s'installe à la maison de santé.",
            "tags": '"accès aux soins", médecins',  # quotes keep words together
            "body-count": "0",
            "related_pages-TOTAL_FORMS": "0",
            "action-publish": "1",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    news = NewsPage.objects.child_of(news_index).get(slug="nouveau-medecin")
    assert news.live
    assert sorted(tag.name for tag in news.tags.all()) == ["accès aux soins", "médecins"]
    html = client.get("/actualites/?tag=accès-aux-soins", HTTP_HOST="localhost").content.decode()
    assert titles_in(html) == ["Nouveau médecin à Axat"]


class NewsPageTreeTests(WagtailPageTestCase):
    def test_the_news_index_lives_under_a_home_page_and_holds_news_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(ContentPage, NewsIndexPage)

    def test_a_news_page_lives_under_the_news_index_only(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(Page, NewsPage)
