"""Site search over pages and documents, in French, restricted to the visitor's site."""

import re

import pytest
from django.db import connection
from wagtail.models import Collection, CollectionViewRestriction

from cls.models import ActionPage, AxisPage, DocumentCollectionPage
from home.demo.builder import get_or_create_document
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_word_only_in_a_pdf_finds_that_document(ruffecois_client):
    collection = Collection.objects.get(name="CLS du Pays du Ruffécois")
    get_or_create_document(
        collection, "Compte-rendu du 3 mars 2016", ["Présentation du télésoin."], "cr.pdf"
    )
    # Listed on the site: the working-group list shows its collection's minutes.
    DocumentCollectionPage.objects.filter(collection=collection).update(body_name="")
    html = search(ruffecois_client, q="télésoin")
    assert "Compte-rendu du 3 mars 2016" in html
    assert "<mark>télésoin</mark>" in html
    assert "PDF –" in html


def result_titles(html):
    """The titles of the results, in their order (document links end with their details)."""
    titles = re.findall(r'<h2 class="search-result__title"><a [^>]*>(.*?)</a></h2>', html)
    return [re.sub(r" <span.*", "", title) for title in titles]


def test_minutes_come_first_for_the_words_of_their_agenda(ruffecois_client):
    """« ordre du jour »: the working groups' minutes, whose summary gives their agenda,
    before the pages that only hold « du » or « jour » in their text."""
    titles = result_titles(search(ruffecois_client, q="ordre du jour"))
    assert len(titles) == 10  # a full first page…
    assert all(title.startswith("Compte-rendu du ") for title in titles)  # …of minutes only


def test_a_word_in_a_title_ranks_above_the_same_word_in_body_text(ruffecois_client, ruffecois_site):
    """By word counts alone, the short text repeating the word would come first."""
    home = ruffecois_site.root_page
    home.add_child(
        instance=ContentPage(
            title="Ateliers du territoire",
            intro="Téléconsultation : la téléconsultation, encore la téléconsultation.",
        )
    )
    long_intro = " ".join(["Une borne installée à Ruffec pour consulter un médecin."] * 8)
    home.add_child(instance=ContentPage(title="Téléconsultation", intro=long_intro))
    home.add_child(
        instance=ContentPage(title="Permanences", intro=f"{long_intro} Et la téléconsultation.")
    )
    titles = result_titles(search(ruffecois_client, q="téléconsultation"))
    # Then, in the body, the better match first (SQLite's scores are negative).
    assert titles == ["Téléconsultation", "Ateliers du territoire", "Permanences"]


def test_accents_are_ignored(aude_client):
    html = search(aude_client, q="depistages diabete")
    assert "Dépistages diabète" in html
    assert "<mark>diabète</mark>" in html


def test_accents_and_case_are_ignored_in_both_directions(aude_client, aude_site):
    aude_site.root_page.add_child(
        instance=ContentPage(title="Améliorer la santé de l'enfant", intro="Vaccinations.")
    )
    assert "Améliorer la santé" in search(aude_client, q="AMELIORER")


def test_plural_forms_match_on_postgresql(aude_client, aude_site):
    aude_site.root_page.add_child(
        instance=ContentPage(title="Améliorer la santé de l'enfant", intro="Vaccinations.")
    )
    assert "Améliorer la santé" in search(aude_client, q="enfant")
    # French stemming is PostgreSQL's; SQLite's FTS5 matches words as written.
    found_by_plural = "Améliorer la santé" in search(aude_client, q="enfants")
    assert found_by_plural == (connection.vendor == "postgresql")


def test_results_stay_on_the_current_site(aude_client, ruffecois_client):
    assert "Mieux vieillir" not in search(aude_client, q="vieillir")
    assert "Mieux vieillir" in search(ruffecois_client, q="vieillir")
    # The Ruffécois minutes are not published on the Aude site.
    assert "Compte-rendu du 2 octobre 2014" not in search(aude_client, q="compte-rendu")


def test_results_follow_the_page_language(aude_client):
    english = aude_client.get("/en/recherche/", {"q": "screening"}).content.decode()
    assert "Diabetes screening" in english
    assert "Dépistages diabète" not in english
    assert "Diabetes screening" not in search(aude_client, q="screening")


def test_draft_and_private_pages_never_appear(aude_client):
    axis = AxisPage.objects.get(title="Santé environnement")
    draft = ActionPage(title="Qualité de l'air intérieur", live=False)
    axis.add_child(instance=draft)
    private = ActionPage(title="Qualité de l'eau potable")
    axis.add_child(instance=private)
    private.view_restrictions.create(restriction_type="login")
    html = search(aude_client, q="qualité")
    assert "air intérieur" not in html
    assert "eau potable" not in html


def test_documents_of_private_collections_never_appear(ruffecois_client):
    collection = Collection.objects.get(name="CLS du Pays du Ruffécois")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    assert "Compte-rendu du 2 octobre 2014" not in search(ruffecois_client, q="compte-rendu")


def test_filter_actions_by_axis_and_status(aude_client):
    prevention = AxisPage.objects.get(title="Prévention et promotion de la santé")
    seniors = AxisPage.objects.get(title="Besoins spécifiques des séniors")
    html = search(aude_client, q="santé semaine diabète", type="action", axe=prevention.pk)
    assert "Dépistages diabète" in html and "Semaine bleue" not in html
    html = search(aude_client, q="santé semaine diabète", type="action", axe=seniors.pk)
    assert "Semaine bleue" in html and "Dépistages diabète" not in html
    html = search(aude_client, q="santé semaine diabète", type="action", statut="reconduite")
    assert "Semaine bleue" in html and "Dépistages diabète" not in html


def test_type_filter_keeps_only_documents(ruffecois_client):
    html = search(ruffecois_client, q="problèmes", type="document")
    assert "Diagnostic santé social du territoire Ruffécois" in html
    # The contract page lists the same health problems, but it is not a document.
    assert html.count('class="search-result"') == html.count('search-result__kind">Document')


def test_empty_and_fruitless_queries_get_help_in_french(aude_client):
    assert "Rechercher sur le site" in search(aude_client, q="")
    html = search(aude_client, q="zzzzqqqq")
    assert "Aucun résultat pour «\u00a0zzzzqqqq\u00a0»" in html
    assert "Quelques conseils" in html


@pytest.mark.parametrize(
    "query",
    [
        '"santé',
        "santé AND OR NOT (",
        "'; DROP TABLE wagtailcore_page; --",
        "💉🩺 santé",
        "santé\x00nul",
        "a" * 10_000,
        "*:?~^-+|&!{}[]",
    ],
)
def test_hostile_input_returns_a_page(aude_client, query):
    response = aude_client.get("/recherche/", {"q": query, "page": "abc", "type": "<x>"})
    assert response.status_code == 200


def test_highlighting_escapes_html(aude_client, aude_site):
    aude_site.root_page.add_child(
        instance=ContentPage(title="Atelier <script>alert(1)</script> zygomatique")
    )
    html = search(aude_client, q="zygomatique")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own statements")
def test_full_text_queries_are_never_prepared(aude_client):
    """A generic plan ignores the words searched (config/database.py): searches are
    planned each time, while the rest of the page's queries are prepared."""
    for _ in range(3):
        assert aude_client.get("/recherche/", {"q": "dépistage"}).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('"wagtailcore_page"' in statement for statement in prepared)
    assert not any("wagtailsearch_indexentry" in statement for statement in prepared)
    assert connection.connection.prepare_threshold == 2  # restored after the search
