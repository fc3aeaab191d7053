"""Editors find communes in the admin and choose a territory among 35,000 communes."""

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from cls.models import ActionPage, Commune, ContractPage

from .admin_forms import stream_post_data

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/cls/commune/"
CHOOSER = "/admin/snippets/choose/cls/commune/"
PICKER_SEARCH = "/admin/communes-couvertes/recherche/"
PICKER_GROUP = "/admin/communes-couvertes/intercommunalite/"
LIMOUXIN, PYRENEES, VAL_DE_CHARENTE = "200071926", "200043776", "200043016"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("esperaza", "11129"),  # accents ignored
        ("ESPÉRAZA", "11129"),
        ("st ferriol", "11341"),  # Saint-Ferriol
        ("11129", "11129"),  # INSEE code
        ("2A004", "2A004"),  # Ajaccio
        ("16700", "16292"),  # Ruffec's postcode
    ],
)
def test_the_commune_listing_finds_a_commune_by_name_code_or_postcode(admin_client, query, code):
    response = admin_client.get(LISTING, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    commune = Commune.objects.get(insee_code=code)
    assert f'<span id="snippet_{commune.pk}_title">{commune.name}</span>' in html
    assert 'name="q"' in html and "Rechercher" in html


def test_a_listing_search_shows_only_matching_communes(admin_client):
    html = admin_client.get(LISTING, {"q": "quillan"}).content.decode()
    assert re.findall(r'_title">([^<]+)</span>', html) == ["Quillan"]


def test_the_commune_chooser_searches_names_codes_and_postcodes(admin_client):
    response = admin_client.get(CHOOSER, {"q": "saint hilaire"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Nom, code postal ou code INSEE" in html
    # The eight Saint-Hilaire of France first, told apart by postcode and EPCI.
    names = re.findall(r"data-chooser-modal-choice [^>]+>\s*([^<]+?)\s*</a>", html)
    assert len(names) == 10  # a page
    assert all(name.startswith("Saint-Hilaire (") for name in names[:8])
    assert names[8].startswith("Saint-Hilaire-")
    assert "<td >\n    11250\n</td>" in html and "CC du Limouxin" in html
    results = admin_client.get(CHOOSER + "results/", {"q": "11344"})
    assert results.status_code == 200
    assert re.findall(
        r"data-chooser-modal-choice [^>]+>\s*([^<]+?)\s*</a>", results.content.decode()
    ) == ["Saint-Hilaire (11344)"]


def test_the_listing_filters_communes_by_epci_name(admin_client):
    html = admin_client.get(LISTING, {"epci_name__icontains": "limouxin"}).content.decode()
    assert "Limoux</span>" in html
    assert "Quillan</span>" not in html  # CC Pyrénées audoises


def commune_form(admin_client, **values):
    html = admin_client.get(LISTING + "add/").content.decode()
    data = querydict_from_html(html, form_id="w-editor-form")
    data.update({"name": "Commune-Témoin", "insee_code": "11999", "postcodes": "11500"})
    data.update(values)
    return admin_client.post(LISTING + "add/", data)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"insee_code": "1106"}, "« 1106 » n&#x27;est pas un code INSEE"),
        ({"insee_code": "20001"}, "« 20001 » n&#x27;est pas un code INSEE"),  # Corsica is 2A/2B
        ({"insee_code": "abcde"}, "« abcde » n&#x27;est pas un code INSEE"),
        ({"postcodes": "11500 115"}, "« 115 » n&#x27;est pas un code postal"),
        ({"postcodes": "1150O"}, "« 1150O » n&#x27;est pas un code postal"),
        ({"epci_siren": "2000"}, "« 2000 » n&#x27;est pas un SIREN"),
    ],
)
def test_a_malformed_code_is_refused_with_a_french_message(admin_client, values, message):
    response = commune_form(admin_client, **values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Commune.objects.filter(name="Commune-Témoin").exists()


def test_a_well_formed_commune_is_saved_with_its_postcodes_normalised(admin_client):
    response = commune_form(admin_client, insee_code="2B999", postcodes="20200, 20600")
    assert response.status_code == 302
    commune = Commune.objects.get(insee_code="2B999")
    assert commune.postcodes == "20200 20600"
    assert commune.search_name == "commune temoin"


@pytest.fixture
def contract():
    return ContractPage.objects.get(slug="cls", locale__language_code="fr")  # Pays du Ruffécois


def edit_form(admin_client, page):
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_territory_field_shows_the_epcis_in_play_not_every_commune(admin_client, contract):
    html = edit_form(admin_client, contract)
    assert len(html) < 600_000  # 35,000 <option> would weigh megabytes
    assert '<label class="w-field__label" for="id_communes-search"' in html
    assert "Communes cochées : 80" in html
    for epci in ("CC Val de Charente", "CC Coeur de Charente"):
        assert f'{epci} <span class="communes-picker__count">' in html
    ruffec = Commune.objects.get(insee_code="16292")
    assert f'name="communes" value="{ruffec.pk}" checked' in html
    assert "Quillan" not in html  # another site's EPCI
    assert html.count('type="checkbox" name="communes"') == 80


def test_the_picker_search_offers_epcis_and_communes_in_french(admin_client):
    response = admin_client.get(PICKER_SEARCH, {"q": "pyrenees aud"})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f'data-epci="{PYRENEES}">Ajouter l\'intercommunalité CC Pyrénées audoises '
        "(61 communes)</button>" in html
    )
    html = admin_client.get(PICKER_SEARCH, {"q": "11344"}).content.decode()
    saint_hilaire = Commune.objects.get(insee_code="11344")
    assert f'data-commune="{saint_hilaire.pk}">Ajouter la commune Saint-Hilaire (11344)' in html
    html = admin_client.get(PICKER_SEARCH, {"q": "zzyzx"}).content.decode()
    assert "Aucune intercommunalité ni commune ne correspond à « zzyzx »." in html
    assert admin_client.get(PICKER_SEARCH, {"q": "a"}).content.decode().strip() == ""


def test_the_picker_adds_an_epci_with_its_communes_or_one_commune(admin_client):
    html = admin_client.get(
        PICKER_GROUP, {"name": "communes", "epci": PYRENEES, "all": "1"}
    ).content.decode()
    assert "CC Pyrénées audoises" in html
    assert html.count('type="checkbox" name="communes"') == 61
    assert html.count(" checked>") == 61
    quillan = Commune.objects.get(insee_code="11304")
    html = admin_client.get(
        PICKER_GROUP, {"name": "communes", "commune": quillan.pk}
    ).content.decode()
    assert html.count('type="checkbox" name="communes"') == 61
    assert html.count(" checked>") == 1
    assert f'value="{quillan.pk}" checked>' in html
    assert (
        admin_client.get(PICKER_GROUP, {"name": "communes", "epci": "999999999"}).status_code == 404
    )
    assert admin_client.get(PICKER_GROUP, {"name": '"><script>'}).status_code == 400


def test_a_commune_without_epci_is_a_group_of_its_own(admin_client):
    sein = Commune.objects.get(insee_code="29083")  # Île-de-Sein
    html = admin_client.get(PICKER_GROUP, {"name": "communes", "commune": sein.pk}).content.decode()
    assert "Île-de-Sein, sans intercommunalité" in html
    assert html.count('type="checkbox"') == 1


def test_the_picker_views_are_for_admin_users_only(client):
    assert client.get(PICKER_SEARCH, {"q": "limoux"}).status_code == 302  # to the login page


def test_an_editor_adds_an_epci_to_the_territory_and_unticks_a_commune(admin_client, contract):
    html = edit_form(admin_client, contract)
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(stream_post_data(contract, "objectives", "health_problems", "body"))
    assert len(data.getlist("communes")) == 80
    # What the picker's JavaScript adds: the EPCI's check boxes, all ticked; one unticked.
    group = admin_client.get(PICKER_GROUP, {"name": "communes", "epci": PYRENEES, "all": "1"})
    added = re.findall(r'value="(\d+)" checked', group.content.decode())
    quillan = Commune.objects.get(insee_code="11304")
    ruffec = Commune.objects.get(insee_code="16292")
    ticked = [pk for pk in [*data.getlist("communes"), *added] if pk not in (str(ruffec.pk),)]
    data.setlist("communes", ticked)
    data["action-publish"] = "action-publish"
    # A dict of lists: the test client would post a QueryDict's last value only.
    response = admin_client.post(f"/admin/pages/{contract.pk}/edit/", dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:2000]
    contract.refresh_from_db()
    assert len(contract.health_problems) == 7  # the rest of the page as it was
    assert contract.communes.count() == 80 + 61 - 1
    assert contract.communes.filter(pk=quillan.pk).exists()
    assert not contract.communes.filter(pk=ruffec.pk).exists()
    # The form shows the new territory: three EPCIs, Ruffec unticked in its own.
    html = edit_form(admin_client, contract)
    assert "Communes cochées : 140" in html
    assert f'name="communes" value="{ruffec.pk}">' in html


def test_an_action_form_offers_the_same_picker_adding_epcis_unticked(admin_client):
    action = ActionPage.objects.get(title="Dépistages diabète")  # Quillan, Limoux, Espéraza
    html = edit_form(admin_client, action)
    assert 'data-communes-picker-tick-all-value="false"' in html
    assert "Communes cochées : 3" in html
    assert html.count('type="checkbox" name="communes"') == 137  # both EPCIs, to tick


def test_a_new_action_offers_the_communes_of_its_contract_s_territory(admin_client):
    axis = ActionPage.objects.get(title="Dépistages diabète").get_parent()
    response = admin_client.get(f"/admin/pages/add/cls/actionpage/{axis.pk}/")
    html = response.content.decode()
    assert "Communes cochées : 0" in html
    assert html.count('type="checkbox" name="communes"') == 137
    assert not re.search(r'name="communes" value="\d+" checked', html)
    for epci in ("CC du Limouxin", "CC Pyrénées audoises"):
        assert f'{epci} <span class="communes-picker__count">' in html
