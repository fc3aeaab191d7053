"""manage.py import_communes: the whole file is checked first, and nothing is half-imported."""

import io

import pytest
from django.core.management import CommandError, call_command

from cls.models import Commune, ContractPage

pytestmark = pytest.mark.django_db

HEADER = "insee_code,name,postcodes,population,epci_siren,epci_name\n"
ALPHA = "11901,Commune-Témoin Alpha,11500,120,200043776,CC Pyrénées audoises\n"
BETA = "11902,Sainte Commune Bêta,11500 11260,45,200071926,CC du Limouxin\n"


def write_csv(tmp_path, text, name="communes.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(*args):
    output = io.StringIO()
    call_command("import_communes", *map(str, args), stdout=output)
    return output.getvalue()


def import_error(*args):
    with pytest.raises(CommandError) as error:
        run(*args)
    return str(error.value)


def test_a_valid_file_creates_new_communes_and_updates_known_ones(tmp_path):
    quillan = "11304,Quillan,11500,3001,200043776,CC Pyrénées audoises\n"
    output = run(write_csv(tmp_path, HEADER + ALPHA + BETA + quillan))
    assert "3 communes lues : 2 créées, 1 mises à jour." in output
    beta = Commune.objects.get(insee_code="11902")
    assert (beta.name, beta.postcodes, beta.population) == (
        "Sainte Commune Bêta",
        "11500 11260",
        45,
    )
    assert (beta.epci_siren, beta.epci_name) == ("200071926", "CC du Limouxin")
    assert beta.search_name == "sainte commune beta"
    assert Commune.objects.get(insee_code="11304").population == 3001


def test_the_insee_official_geographic_code_file_is_accepted(tmp_path):
    cog = (
        "TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\n"
        "COM,11903,76,11,11D,113,0,TEMOIN GAMMA,Témoin Gamma,Témoin Gamma,1108,\n"
        "COMD,11904,76,11,11D,113,0,DELEGUEE,Déléguée,Déléguée,,11903\n"
        "COM,11304,76,11,11D,113,0,QUILLAN,Quillan,Quillan,1116,\n"
    )
    assert "2 communes lues : 1 créées, 0 mises à jour." in run(write_csv(tmp_path, cog))
    assert Commune.objects.get(insee_code="11903").name == "Témoin Gamma"
    assert not Commune.objects.filter(insee_code="11904").exists()  # commune déléguée
    quillan = Commune.objects.get(insee_code="11304")
    assert quillan.population == 2978 and quillan.epci_siren == "200043776"  # kept


def test_semicolons_and_a_byte_order_mark_are_accepted(tmp_path):
    text = "\ufeff" + (HEADER + ALPHA).replace(",", ";")
    run(write_csv(tmp_path, text))
    assert Commune.objects.get(insee_code="11901").population == 120


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Le fichier est vide."),
        (HEADER, "Le fichier ne contient aucune commune, seulement son en-tête."),
        ("code,nom\n11901,Alpha\n", "En-tête non reconnu. Colonnes attendues : insee_code, name"),
        (
            "insee_code,name,postcodes,epci_siren,epci_name\n11901,A,11500,200043776,CC\n",
            "Colonne manquante : « population ».",
        ),
        (
            HEADER + ALPHA + "1190,Trop court,11500,10,200043776,CC\n",
            "Ligne 3, colonne « insee_code » : « 1190 » n'est pas un code INSEE (cinq caractères",
        ),
        (
            HEADER + ALPHA.replace(",120,", ",beaucoup,"),
            "Ligne 2, colonne « population » : « beaucoup » n'est pas un nombre entier positif.",
        ),
        (
            HEADER + ALPHA + BETA + ALPHA,
            "Ligne 4, colonne « insee_code » : le code INSEE 11901 figure déjà ligne 2.",
        ),
        (
            HEADER + ",Sans code,11500,1,,\n",
            "Ligne 2, colonne « insee_code » : le code INSEE est vide.",
        ),
        (
            HEADER + "11905,,11500,1,,\n",
            "Ligne 2, colonne « name » : le nom de la commune est vide.",
        ),
        (HEADER + ALPHA.replace("11500", "115"), "« 115 » n'est pas un code postal (cinq chiffres"),
        (HEADER + ALPHA.replace("200043776", "2000"), "« 2000 » n'est pas un SIREN (neuf chiffres"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message_and_nothing_imported(
    tmp_path, text, message
):
    count = Commune.objects.count()
    error = import_error(write_csv(tmp_path, text))
    assert "Rien n'a été importé." in error
    assert message in error
    assert Commune.objects.count() == count
    assert not Commune.objects.filter(insee_code="11901").exists()


def test_every_error_of_the_file_is_listed_at_once(tmp_path):
    text = HEADER + ALPHA.replace(",120,", ",x,") + BETA.replace("11902", "abc")
    error = import_error(write_csv(tmp_path, text))
    assert "Ligne 2, colonne « population »" in error
    assert "Ligne 3, colonne « insee_code »" in error


def test_a_file_not_in_utf8_is_refused(tmp_path):
    error = import_error(write_csv(tmp_path, HEADER + ALPHA, encoding="latin-1"))
    assert "Le fichier n'est pas encodé en UTF-8." in error


def test_a_missing_file_is_reported(tmp_path):
    assert "Fichier introuvable" in import_error(tmp_path / "absent.csv")


@pytest.fixture
def contract(aude_site):
    contract = ContractPage(title="Contrat témoin", slug="contrat-temoin", generation_label="T")
    aude_site.root_page.add_child(instance=contract)
    contract.save_revision().publish()
    return contract


def test_the_territory_of_a_contract_becomes_the_communes_of_its_epcis(tmp_path, contract):
    path = write_csv(tmp_path, HEADER + ALPHA + BETA)
    output = run(path, "--contract", contract.pk, "--epci", "200043776")
    assert "Territoire de « Contrat témoin » : 1 communes." in output
    contract.refresh_from_db()
    assert [commune.insee_code for commune in contract.communes.all()] == ["11901"]
    # A published revision: the next edit in the admin starts from this territory.
    assert contract.get_latest_revision_as_object().communes.count() == 1
    run(path, "--contract", "contrat-temoin", "--epci", "200043776", "--epci", "200071926")
    assert sorted(contract.communes.values_list("insee_code", flat=True)) == ["11901", "11902"]


def test_an_epci_absent_from_the_file_imports_nothing(tmp_path, contract):
    error = import_error(
        write_csv(tmp_path, HEADER + ALPHA), "--contract", contract.pk, "--epci", "123456789"
    )
    assert "Aucune commune du fichier n'appartient à l'EPCI de SIREN 123456789." in error
    assert not Commune.objects.filter(insee_code="11901").exists()


def test_a_contract_with_a_pending_draft_keeps_its_territory(tmp_path, contract):
    contract.summary = "Brouillon en cours"
    contract.save_revision()
    error = import_error(write_csv(tmp_path, HEADER + ALPHA), "--contract", contract.pk)
    assert "a des modifications non publiées" in error
    assert not Commune.objects.filter(insee_code="11901").exists()


def test_an_unknown_contract_or_a_lone_epci_option_is_refused(tmp_path):
    path = write_csv(tmp_path, HEADER + ALPHA)
    assert "Aucun contrat n'a le slug « inconnu »." in import_error(path, "--contract", "inconnu")
    assert "--epci n'a de sens qu'avec --contract." in import_error(path, "--epci", "200043776")


def test_without_a_file_the_territory_comes_from_the_national_list(contract):
    output = run("--contract", contract.pk, "--epci", "200043776", "--epci", "200071926")
    assert "Territoire de « Contrat témoin » : 137 communes." in output
    contract.refresh_from_db()
    assert contract.get_latest_revision_as_object().communes.count() == 137


def test_an_unknown_epci_leaves_the_territory_unchanged(contract):
    error = import_error("--contract", contract.pk, "--epci", "200043776", "--epci", "123456789")
    assert "Territoire inchangé." in error
    assert "Aucune intercommunalité de la liste nationale n'a le SIREN 123456789." in error
    assert contract.communes.count() == 0


def test_the_national_list_can_be_loaded_again(tmp_path):
    Commune.objects.filter(insee_code="11304").delete()
    Commune.objects.filter(insee_code="16292").update(population=1)
    assert "34969 communes lues : 1 créées, 1 mises à jour." in run("--france")
    assert Commune.objects.get(insee_code="11304").name == "Quillan"
    assert Commune.objects.get(insee_code="16292").population == 3449
    assert "--france recharge toutes les communes" in import_error("--france", "--contract", "x")
    assert "Donnez un fichier CSV, ou --france" in import_error()
