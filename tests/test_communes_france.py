"""Every commune of France ships with the kit, and a territory is chosen by its EPCIs."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cls.commune_names import search_key
from cls.communes_france import (
    FRANCE_FILE,
    UnknownEpciError,
    ensure_communes_of_epcis,
    epci_choices,
    national_rows,
)
from cls.models import Commune

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "cls" / "data" / "extract_communes.py"
PYRENEES, LIMOUXIN = "200043776", "200071926"


def test_the_shipped_file_lists_the_current_communes_of_france():
    rows = national_rows()  # read_communes refuses a malformed code, postcode or SIREN
    assert len(rows) == 34969
    codes = [row["insee_code"] for row in rows]
    assert codes == sorted(codes)
    by_code = {row["insee_code"]: row for row in rows}
    assert by_code["11304"] == {
        "insee_code": "11304",
        "name": "Quillan",
        "postcodes": "11500",
        "population": 2978,
        "epci_siren": PYRENEES,
        "epci_name": "CC Pyrénées audoises",
    }
    assert len(by_code["75056"]["postcodes"].split()) == 21  # Paris
    assert by_code["2A004"]["name"] == "Ajaccio"
    assert by_code["29083"]["epci_siren"] == ""  # Île-de-Sein belongs to no EPCI
    assert FRANCE_FILE.stat().st_size < 600_000


def test_the_migration_loaded_every_commune():
    assert Commune.objects.count() == 34969
    quillan = Commune.objects.get(insee_code="11304")
    assert (quillan.name, quillan.search_name, quillan.population) == ("Quillan", "quillan", 2978)
    assert Commune.objects.get(insee_code="75056").postcodes.startswith("75001 75002 ")


def fake_package(folder):
    """A tiny package with the shape of @etalab/decoupage-administratif's data folder."""
    communes = [
        {"code": "11304", "nom": "Quillan", "type": "commune-actuelle", "codesPostaux": ["11500"],
         "population": 2978},
        {"code": "11002", "nom": "Aigues-Vives", "type": "commune-actuelle",
         "codesPostaux": ["11800"], "population": 200},
        {"code": "98411", "nom": "Îles Saint-Paul", "type": "commune-actuelle"},
        {"code": "11001", "nom": "Déléguée", "type": "commune-deleguee", "codesPostaux": ["11500"]},
        {"code": "75101", "nom": "Paris 1er", "type": "arrondissement-municipal"},
    ]  # fmt: skip
    epcis = [{"code": PYRENEES, "nom": "CC Pyrénées audoises", "membres": [{"code": "11304"}]}]
    (folder / "communes.json").write_text(json.dumps(communes), encoding="utf-8")
    (folder / "epci.json").write_text(json.dumps(epcis), encoding="utf-8")
    return folder


def test_the_extraction_script_rebuilds_the_file_the_same_way_each_time(tmp_path):
    package = fake_package(tmp_path)
    outputs = [tmp_path / "first.csv.gz", tmp_path / "second.csv.gz"]
    for output in outputs:
        subprocess.run([sys.executable, EXTRACT, package, output], check=True, capture_output=True)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()  # no date in the gzip header
    assert gzip.decompress(outputs[0].read_bytes()).decode() == (
        "insee_code,name,postcodes,population,epci_siren,epci_name\n"
        "11002,Aigues-Vives,11800,200,,\n"
        "11304,Quillan,11500,2978,200043776,CC Pyrénées audoises\n"
        "98411,Îles Saint-Paul,,,,\n"
    )


@pytest.mark.parametrize(
    ("query", "siren"),
    [
        ("pyrenees aud", PYRENEES),  # accents ignored, each word a start of a word
        ("Limouxin", LIMOUXIN),
        ("200071926", LIMOUXIN),
        ("2000719", LIMOUXIN),  # the start of a SIREN
    ],
)
def test_an_epci_is_found_by_its_name_or_siren(query, siren):
    assert siren in [epci.siren for epci in epci_choices(query)]


def test_epci_choices_are_sorted_labelled_and_limited():
    assert epci_choices("") == [] and epci_choices(" - ") == []
    choices = epci_choices("cc")
    assert len(choices) == 20
    names = [epci.name for epci in choices]
    assert names == sorted(names, key=search_key)  # "Ardèche" before "Ardenne"
    limouxin = epci_choices("limouxin")[0]
    assert limouxin.label == "CC du Limouxin (76 communes)"
    assert len(epci_choices("cc", limit=3)) == 3


def test_the_communes_of_epcis_come_sorted_by_name():
    communes = ensure_communes_of_epcis([PYRENEES, LIMOUXIN])
    assert len(communes) == 137
    assert [commune.name for commune in communes] == sorted(c.name for c in communes)
    assert {commune.epci_siren for commune in communes} == {PYRENEES, LIMOUXIN}


def test_communes_deleted_by_hand_are_loaded_again(django_capture_on_commit_callbacks):
    Commune.objects.filter(epci_siren=PYRENEES).delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        communes = ensure_communes_of_epcis([PYRENEES])
    assert len(communes) == 61
    assert "Quillan" in [commune.name for commune in communes]
    assert callbacks  # the page caches are retired: the bulk load sends no signal


def test_an_unknown_siren_is_refused_in_french_and_loads_nothing():
    Commune.objects.filter(insee_code="11304").delete()
    with pytest.raises(UnknownEpciError) as error:
        ensure_communes_of_epcis([PYRENEES, "123456789"])
    assert str(error.value) == (
        "Aucune intercommunalité de la liste nationale n'a le SIREN 123456789."
    )
    assert not Commune.objects.filter(insee_code="11304").exists()
