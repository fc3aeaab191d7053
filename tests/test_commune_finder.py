""" "Ma commune": a visitor finds their commune and what the contract does there."""

import datetime

import pytest
from django.utils import timezone

from cls.models import ActionEvent, ActionPage, Commune, ContractPage

pytestmark = pytest.mark.django_db

FINDER = "/ma-commune/"


def search(client, query):
    return client.get(FINDER, {"q": query})


@pytest.mark.parametrize("query", ["esperaza", "ESPERAZA", " Espéraza ", "espéraza"])
def test_a_visitor_typing_a_name_without_accents_lands_on_the_commune_page(aude_client, query):
    response = search(aude_client, query)
    assert response.status_code == 302
    assert response["Location"] == "/ma-commune/11129/"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("alet les bains", "11008"),  # spaces for hyphens
        ("st ferriol", "11341"),  # "st" for "saint"
        ("Ste Colombe sur l'Hers", "11336"),
    ],
)
def test_hyphens_apostrophes_and_saint_abbreviations_do_not_matter(aude_client, query, code):
    assert search(aude_client, query)["Location"] == f"/ma-commune/{code}/"


def test_a_postcode_lists_all_its_communes(aude_client):
    communes = Commune.objects.filter(postcodes__contains="11500")
    expected = [commune.name for commune in communes if "11500" in commune.postcode_list]
    assert len(expected) > 1
    html = search(aude_client, "11500").content.decode()
    for name in expected:
        assert f">{name}</a>" in html
    assert f"{len(expected)} communes correspondent à «\u00a011500\u00a0»" in html
    assert "couverte par le contrat" in html


def test_a_partial_name_gives_suggestions_and_an_unknown_one_says_so(aude_client):
    html = search(aude_client, "quil").content.decode()
    assert "Vouliez-vous dire" in html
    assert 'href="/ma-commune/11304/">Quillan</a>' in html
    html = search(aude_client, "colombe").content.decode()  # a word inside the name
    assert "Sainte-Colombe-sur-Guette" in html and "Sainte-Colombe-sur-l’Hers" in html
    html = search(aude_client, "Zzyzx").content.decode()
    assert "Aucune commune ne correspond à «\u00a0Zzyzx\u00a0»" in html


def test_the_finder_page_works_without_javascript_and_is_in_the_menu(aude_client, ruffecois_client):
    for client in (aude_client, ruffecois_client):
        html = client.get(FINDER).content.decode()
        assert '<form class="search-form search-form--page commune-search" method="get"' in html
        assert '<label for="id_q">Nom ou code postal de votre commune</label>' in html
        assert 'href="/ma-commune/"' in client.get("/").content.decode()


def test_a_covered_commune_shows_its_actions_events_and_contact(aude_client):
    diabetes = ActionPage.objects.get(title="Dépistages diabète")
    parlons = ActionPage.objects.get(title="Parlons santé")
    now = timezone.now()
    esperaza, quillan = Commune.objects.get(insee_code="11129"), Commune.objects.get(name="Quillan")
    events = [
        ActionEvent(
            page=diabetes,
            title="Dépistage à Espéraza",
            start=now + datetime.timedelta(days=10),
            commune=esperaza,
        ),
        ActionEvent(
            page=diabetes,
            title="Dépistage à Quillan",
            start=now + datetime.timedelta(days=11),
            commune=quillan,
        ),
        ActionEvent(
            page=parlons,
            title="Parlons santé en ligne",
            start=now + datetime.timedelta(days=12),
        ),
        ActionEvent(
            page=diabetes,
            title="Ancien dépistage à Espéraza",
            start=now - datetime.timedelta(days=30),
            commune=esperaza,
        ),
    ]
    for event in events:
        event.locale_id = event.page.locale_id  # bulk_create skips TranslatableMixin's default
    ActionEvent.objects.bulk_create(events)
    response = aude_client.get("/ma-commune/11129/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Espéraza</h1>" in html
    assert "Espéraza fait partie du territoire de\u00a0:" in html
    assert 'href="/cls-2/suivi/?commune=11129"' in html
    for title in ("Dépistages diabète", "Parlons santé", "Semaine bleue"):
        assert title in html
    assert "Dépistage à Espéraza" in html
    assert "Parlons santé en ligne" in html  # territory-wide event of an action there
    assert "Dépistage à Quillan" not in html
    assert "Ancien dépistage" not in html
    assert "Élise Roussel" in html  # the contract's contact card


def test_an_action_card_of_the_commune_page_says_when_it_covers_the_whole_territory(
    aude_client,
):
    html = aude_client.get("/ma-commune/11129/").content.decode()
    cards = {}
    for action in ActionPage.objects.filter(title__in=["Dépistages diabète", "Parlons santé"]):
        card = html[html.index(f'<a href="{action.relative_url(action.get_site())}">') :]
        cards[action.whole_territory] = card[: card.index("</article>")]
    assert set(cards) == {True, False}
    assert '<span class="tag">tout le territoire</span>' in cards[True]
    assert "tout le territoire" not in cards[False]


def test_a_commune_of_another_territory_is_not_covered_but_still_useful(aude_client):
    html = aude_client.get("/ma-commune/16292/").content.decode()  # Ruffec, Charente
    assert "Ruffec ne fait pas partie du territoire couvert par ce site." in html
    assert "Dépistages diabète" not in html
    assert "Élise Roussel" in html
    assert "Chercher une autre commune" in html


def test_an_unknown_insee_code_is_not_found(aude_client):
    assert aude_client.get("/ma-commune/99999/").status_code == 404
    assert aude_client.get("/ma-commune/abc/").status_code == 404


def test_each_site_sees_only_its_own_contracts(ruffecois_client):
    html = ruffecois_client.get("/ma-commune/16292/").content.decode()
    assert "Ruffec fait partie du territoire de\u00a0:" in html
    html = ruffecois_client.get("/ma-commune/11129/").content.decode()
    assert "ne fait pas partie du territoire couvert par ce site" in html


def test_a_commune_saved_in_the_admin_gets_its_search_key():
    commune = Commune.objects.create(insee_code="2A999", name="Ajaccio-Œuvre Sainte")
    assert commune.search_name == "ajaccio oeuvre sainte"


def test_an_insee_code_typed_in_the_finder_opens_its_page(aude_client):
    assert search(aude_client, "2a004")["Location"] == "/ma-commune/2A004/"  # Ajaccio
    assert aude_client.get("/ma-commune/2A004/").status_code == 200


def test_commune_page_queries_do_not_grow_with_the_actions(
    aude_client, page_cache_off, django_assert_max_num_queries
):
    aude_client.get("/ma-commune/11129/")
    with django_assert_max_num_queries(40) as captured:
        aude_client.get("/ma-commune/11129/")
    baseline = len(captured)  # now: the connection's query log only keeps the last 9,000
    axis = ActionPage.objects.get(title="Parlons santé").get_parent()
    for number in range(10):
        axis.add_child(instance=ActionPage(title=f"Action {number}", code=f"2.{number + 10}"))
    aude_client.get("/ma-commune/11129/")  # the new actions changed the site's content
    with django_assert_max_num_queries(baseline):
        html = aude_client.get("/ma-commune/11129/").content.decode()
    assert "Action 9" in html


def test_an_english_visitor_finds_the_finder_and_the_tracker_in_english(aude_client):
    html = aude_client.get("/en/").content.decode()
    assert 'href="/en/ma-commune/">My municipality</a>' in html
    response = aude_client.get("/en/ma-commune/", {"q": "esperaza"})
    assert response["Location"] == "/en/ma-commune/11129/"
    html = aude_client.get("/en/ma-commune/11129/").content.decode()
    assert 'href="/en/cls-2/suivi/?commune=11129"' in html
    assert aude_client.get("/en/cls-2/suivi/").status_code == 200


def test_the_hint_names_a_commune_of_the_site_s_own_territory(aude_client, ruffecois_client):
    html = aude_client.get(FINDER).content.decode()
    # The territory's largest commune.
    assert "Par exemple «\u00a0Limoux\u00a0» ou «\u00a011300\u00a0»." in html
    html = ruffecois_client.get(FINDER).content.decode()
    assert "Par exemple «\u00a0Ruffec\u00a0» ou «\u00a016700\u00a0»." in html
    assert "Quillan" not in html
    html = ruffecois_client.get("/ma-commune/16292/").content.decode()  # search again
    assert "Par exemple «\u00a0Ruffec\u00a0» ou «\u00a016700\u00a0»." in html


def test_a_name_shared_across_france_opens_the_site_s_own_commune(aude_client, ruffecois_client):
    # 8 communes of France are named Saint-Hilaire; one is in the Aude territory (11344).
    # Put another one, Saint-Hilaire (03238, Allier), in the Ruffécois contract's territory.
    ruffecois = ContractPage.objects.get(slug="cls", locale__language_code="fr")
    ruffecois.communes.add(Commune.objects.get(insee_code="03238"))
    ruffecois.save_revision().publish()
    assert search(aude_client, "saint hilaire")["Location"] == "/ma-commune/11344/"
    assert search(ruffecois_client, "St-Hilaire")["Location"] == "/ma-commune/03238/"
    html = ruffecois_client.get("/ma-commune/03238/").content.decode()
    assert "Saint-Hilaire fait partie du territoire de\u00a0:" in html


def test_homonyms_none_of_them_local_are_listed_with_their_department(ruffecois_client):
    html = search(ruffecois_client, "saint hilaire").content.decode()
    assert "8 communes correspondent à «\u00a0saint hilaire\u00a0»" in html
    assert 'href="/ma-commune/11344/">Saint-Hilaire</a>' in html
    assert "(11250, CC du Limouxin)" in html


def test_a_name_found_only_elsewhere_does_not_hide_the_local_communes(aude_client):
    # Colombe is in Isère; the Aude territory has two Sainte-Colombe.
    response = search(aude_client, "colombe")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 commune correspond à «\u00a0colombe\u00a0»" in html
    assert 'href="/ma-commune/38118/">Colombe</a>' in html
    others = html[html.index("Autres communes proches") :]
    assert others.index("Sainte-Colombe-sur-Guette") < others.index("</li>")  # listed first
    assert search(aude_client, "paris")["Location"] == "/ma-commune/75056/"  # nothing local


def test_suggestions_list_the_site_s_communes_first(ruffecois_client):
    # "ruffec": Ruffec (Charente, covered) and Ruffec (Indre); and names starting with it.
    response = search(ruffecois_client, "ruffec")
    assert response["Location"] == "/ma-commune/16292/"
    html = search(ruffecois_client, "saint").content.decode()
    suggestions = html[html.index("Vouliez-vous dire") :]
    first = suggestions[: suggestions.index("</li>")]
    assert "couverte par le contrat" in first
