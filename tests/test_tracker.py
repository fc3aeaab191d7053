"""The action tracker of a contract: filters, progress, roll-up and open-data exports."""

import csv
import io
import json

import pytest

from cls.models import ActionIndicator, ActionPage, AxisPage, Commune, ContractPage, TargetPublic

pytestmark = pytest.mark.django_db

# The documented open-data fields (docs/open-data.md): renaming one breaks reusers.
CSV_FIELDS = [
    "code",
    "title",
    "url",
    "axis_number",
    "axis_title",
    "status",
    "status_label",
    "pilot",
    "target_publics",
    "whole_territory",
    "communes",
    "start_date",
    "end_date",
    "indicators_total",
    "indicators_reached",
    "last_published_at",
    "is_example",
]


def commune(name):
    return Commune.objects.get(name=name)


def add_action(axis, title, code, status, publics, communes=(), indicators=()):
    action = ActionPage(
        title=title, code=code, status=status, whole_territory=not communes, summary=title
    )
    action.target_publics = list(TargetPublic.objects.filter(code__in=publics))
    action.communes = list(communes)
    action.indicators = [
        ActionIndicator(label=label, target=target, value=value)
        for label, target, value in indicators
    ]
    axis.add_child(instance=action)
    return action


@pytest.fixture
def contract(aude_site):
    """A contract on Quillan and Espéraza, two axes and four actions of known attributes."""
    contract = ContractPage(title="Contrat témoin", slug="contrat-temoin", generation_label="T")
    contract.communes = [commune("Quillan"), commune("Espéraza")]
    aude_site.root_page.add_child(instance=contract)
    prevention = contract.add_child(instance=AxisPage(title="Prévenir", slug="prevenir", number=1))
    ageing = contract.add_child(instance=AxisPage(title="Bien vieillir", slug="vieillir", number=2))
    add_action(
        prevention,
        "Marche santé",
        "1.1",
        "en-cours",
        ["tous"],
        indicators=[("Marches", "100", "120"), ("Participants", "50", "10")],
    )
    add_action(prevention, "Ateliers mémoire", "1.2", "realisee", ["seniors"], [commune("Quillan")])
    add_action(ageing, "Visites à domicile", "2.1", "en-cours", ["seniors"])
    add_action(ageing, "Ludothèque", "2.2", "a-venir", ["enfants"], [commune("Alaigne")])
    return contract


def tracker_url(contract, suffix=""):
    return contract.url + "suivi/" + suffix


def exported_titles(client, contract, query):
    response = client.get(tracker_url(contract, "json/"), query)
    assert response.status_code == 200
    return sorted(action["title"] for action in json.loads(response.content)["actions"])


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Ateliers mémoire", "Ludothèque", "Marche santé", "Visites à domicile"]),
        ({"etat": "en-cours"}, ["Marche santé", "Visites à domicile"]),
        ({"axe": "prevenir"}, ["Ateliers mémoire", "Marche santé"]),
        ({"public": "seniors"}, ["Ateliers mémoire", "Visites à domicile"]),
        # Whole-territory actions of a contract covering Quillan, and actions naming it.
        ({"commune": "11304"}, ["Ateliers mémoire", "Marche santé", "Visites à domicile"]),
        ({"commune": "11129"}, ["Marche santé", "Visites à domicile"]),  # Espéraza
        # Alaigne lies outside the territory: only the action naming it.
        ({"commune": "11004"}, ["Ludothèque"]),
        ({"etat": "en-cours", "public": "seniors"}, ["Visites à domicile"]),
        ({"axe": "prevenir", "commune": "11304"}, ["Ateliers mémoire", "Marche santé"]),
        ({"etat": "en-cours", "commune": "11004"}, []),
        (
            {"etat": "inconnu"},
            ["Ateliers mémoire", "Ludothèque", "Marche santé", "Visites à domicile"],
        ),
    ],
)
def test_filters_return_exactly_the_matching_actions(aude_client, contract, query, titles):
    assert exported_titles(aude_client, contract, query) == titles
    html = aude_client.get(tracker_url(contract), query).content.decode()
    for title in titles:
        assert f"{title}</a></th>" in html
    if titles:
        count = len(titles)
        assert f"{count} action{'s' if count > 1 else ''}</p>" in html
    else:
        assert "Aucune action ne correspond à ces filtres." in html


def test_demo_communes_have_the_codes_the_filters_use():
    assert commune("Quillan").insee_code == "11304"
    assert commune("Espéraza").insee_code == "11129"
    assert commune("Alaigne").insee_code == "11004"


def test_a_visitor_sees_progress_and_a_roll_up_per_axis(aude_client, contract):
    html = aude_client.get(tracker_url(contract)).content.decode()
    assert "<caption" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert '<label for="id_commune">Commune</label>' in html
    assert "Marches\u00a0: 120 / 100" in html
    assert "atteint" in html
    assert "20 % de la cible" in html  # 10 participants out of 50
    rollup = html.split('id="rollup-title"')[1]
    prevention, ageing = rollup.split("Prévenir")[1], rollup.split("Bien vieillir")[1]
    assert "1 sur 2" in prevention.split("</tr>")[0]  # indicators reached / total
    assert "Réalisée</span> 1" in prevention.split("</tr>")[0]
    assert "En cours</span> 1" in ageing.split("</tr>")[0]


def test_the_filtered_list_keeps_its_filters_in_the_export_links(aude_client, contract):
    html = aude_client.get(tracker_url(contract), {"etat": "en-cours"}).content.decode()
    assert 'href="/contrat-temoin/suivi/csv/?etat=en-cours"' in html
    assert "selected>En cours</option>" in html


def test_the_contract_page_links_to_its_tracker(aude_client):
    contract = ContractPage.objects.get(slug="cls-2", locale__language_code="fr")
    html = aude_client.get(contract.url).content.decode()
    assert 'href="/cls-2/suivi/"' in html


def test_csv_export_has_the_documented_columns_and_defuses_formulas(aude_client, contract):
    axis = AxisPage.objects.get(slug="prevenir")
    add_action(axis, '=HYPERLINK("http://example.org")', "1.3", "en-cours", ["tous"])
    response = aude_client.get(tracker_url(contract, "csv/"), {"etat": "en-cours"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="suivi-actions-contrat-temoin.csv"'
    )
    assert response.content.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0].keys()) == CSV_FIELDS
    by_code = {row["code"]: row for row in rows}
    assert sorted(by_code) == ["1.1", "1.3", "2.1"]
    assert by_code["1.3"]["title"] == '\'=HYPERLINK("http://example.org")'
    walk = by_code["1.1"]
    assert walk["title"] == "Marche santé"
    assert walk["axis_number"] == "1"
    assert walk["status"] == "en-cours" and walk["status_label"] == "En cours"
    assert walk["target_publics"] == "tous"
    assert walk["whole_territory"] == "true"
    assert (walk["indicators_total"], walk["indicators_reached"]) == ("2", "1")
    assert walk["url"].startswith("http://localhost/contrat-temoin/prevenir/marche-sant")


def test_json_export_has_the_documented_fields(aude_client, contract):
    response = aude_client.get(tracker_url(contract, "json/"), {"commune": "11304"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert 'filename="suivi-actions-contrat-temoin.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["filters"] == {"commune": "11304"}
    assert data["count"] == 3
    workshop = next(action for action in data["actions"] if action["code"] == "1.2")
    assert list(workshop) == [*CSV_FIELDS, "indicators"]
    assert workshop["communes"] == ["11304"] and workshop["whole_territory"] is False
    walk = next(action for action in data["actions"] if action["code"] == "1.1")
    assert [indicator["reached"] for indicator in walk["indicators"]] == [True, False]
    assert walk["indicators"][0] == {
        "label": "Marches",
        "kind": "quantitatif",
        "target": "100",
        "value": "120",
        "measured_on": None,
        "reached": True,
    }


def test_tracker_queries_do_not_grow_with_the_actions(
    aude_client, contract, page_cache_off, django_assert_max_num_queries
):
    url = tracker_url(contract)
    aude_client.get(url)  # warm: site settings, menus
    with django_assert_max_num_queries(40) as captured:
        assert aude_client.get(url).status_code == 200
    baseline = len(captured)
    axis = AxisPage.objects.get(slug="vieillir")
    for number in range(3, 23):
        add_action(
            axis,
            f"Action {number}",
            f"2.{number}",
            "en-cours",
            ["seniors", "tous"],
            [commune("Quillan")],
            [("Indicateur", "10", str(number))],
        )
    aude_client.get(url)  # the new actions changed the site's content: warm again
    with django_assert_max_num_queries(baseline):
        html = aude_client.get(url).content.decode()
    assert "Action 22" in html
    with django_assert_max_num_queries(baseline):
        assert aude_client.get(tracker_url(contract, "json/")).status_code == 200


def test_an_accented_contract_slug_gives_a_well_formed_download_name(aude_client, contract):
    contract.slug = "contrat-santé"
    contract.save()
    response = aude_client.get("/contrat-santé/suivi/csv/")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition == "attachment; filename*=utf-8''suivi-actions-contrat-sant%C3%A9.csv"
