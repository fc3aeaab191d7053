"""A coordinator brings the contract's « fiches action » as a spreadsheet: template,
export, upload → preview → confirm, through Wagtail's revisions, nothing half-written."""

import io
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from odf.table import TableCell
from openpyxl import load_workbook
from wagtail.models import Page, Revision

from cls.models import ActionPage, AxisPage, ContractPage

from .actions_spreadsheets import (
    csv_bytes,
    edited_workbook,
    ods,
    sheet_rows,
    upload,
    with_macros,
    xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract(ruffecois_site):
    return ContractPage.objects.descendant_of(ruffecois_site.root_page).get(slug="cls")


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("coordination", "c@example.org", "x")
    client.force_login(admin)
    return client


def urls(contract):
    base = f"/admin/fiches-action/{contract.pk}/"
    return {"upload": base, "preview": base + "apercu/", "export": base + "export/"}


def send(client, contract, content, name="fiches.xlsx", **options):
    return client.post(urls(contract)["upload"], {"file": upload(content, name), **options})


def preview(client, contract):
    response = client.get(urls(contract)["preview"])
    assert response.status_code == 200
    return response


def confirm(client, contract, mode="draft"):
    context = preview(client, contract).context
    form = context["form"]
    data = {
        "token": form.initial["token"],
        "fingerprint": form.initial["fingerprint"],
        "mode": mode,
    }
    return client.post(urls(contract)["preview"], data)


def actions_of(contract):
    return ActionPage.objects.descendant_of(contract)


NEW_ACTIONS = [
    [
        "1.4",
        "1",
        "Ateliers équilibre",
        "Des ateliers pour prévenir les chutes.",
        "ORS",
        "Personnes âgées",
        "En cours",
    ],
    [
        "2.5",
        "2",
        "Forum santé jeunes",
        "Un forum au lycée.",
        "",
        "Jeunes (12-25 ans) ; Parents",
        "",
    ],
]
NEW_INDICATORS = [
    ["1.4", "Nombre de participants", "Quantitatif", "150", "90"],
    ["1.4", "Satisfaction", "Qualitatif", "", "Très bonne"],
    ["2.5", "Nombre de lycées", "Quantitatif", "3", ""],
]


def test_the_template_has_help_then_french_columns_and_drop_down_lists(admin_client):
    response = admin_client.get("/admin/fiches-action/modele/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Actions", "Indicateurs", "Listes"]
    actions = workbook["Actions"]
    assert actions["A2"].value == "Code" and actions["D2"].value == "Titre"
    assert actions["A1"].value.startswith("Obligatoire. Numéro de la fiche")
    lists = {str(validation.sqref)[0] for validation in actions.data_validations.dataValidation}
    headers = {cell.column_letter: cell.value for cell in actions[2]}
    assert {headers[letter] for letter in lists} == {
        "Publics cibles",
        "Fréquence",
        "État d'avancement",
    }
    assert [row[0] for row in workbook["Listes"].iter_rows(min_row=2, values_only=True)][:2] == [
        "À venir",
        "En cours",
    ]


def test_a_new_file_creates_drafts_with_their_indicators_and_history(admin_client, contract):
    before = actions_of(contract).count()
    response = send(admin_client, contract, xlsx(NEW_ACTIONS, NEW_INDICATORS))
    assert response.status_code == 302
    page = preview(admin_client, contract)
    assert page.context["counts"] == {"create": 2, "update": 0, "unchanged": 0}
    assert actions_of(contract).count() == before  # nothing written before confirming

    response = confirm(admin_client, contract, "draft")
    assert response.status_code == 302
    assert actions_of(contract).count() == before + 2
    action = actions_of(contract).get(code="1.4")
    assert not action.live
    assert action.get_parent().specific.number == 1
    draft = action.get_latest_revision_as_object()
    assert draft.summary == "Des ateliers pour prévenir les chutes."
    assert draft.pilot.acronym == "ORS"
    assert draft.status == "en-cours"
    assert [str(public) for public in draft.target_publics.all()] == ["Personnes âgées"]
    assert [(i.label, i.kind, i.target, i.value) for i in draft.indicators.all()] == [
        ("Nombre de participants", "quantitatif", "150", "90"),
        ("Satisfaction", "qualitatif", "", "Très bonne"),
    ]
    assert action.latest_revision.user.username == "coordination"
    assert Revision.objects.filter(object_id=str(action.pk)).count() == 1


def test_publishing_puts_the_actions_on_the_site(admin_client, contract, ruffecois_client):
    send(admin_client, contract, xlsx(NEW_ACTIONS, NEW_INDICATORS))
    confirm(admin_client, contract, "publish")
    action = actions_of(contract).get(code="2.5")
    assert action.live and not action.has_unpublished_changes
    assert action.indicators.get().label == "Nombre de lycées"
    html = ruffecois_client.get(action.url).content.decode()
    assert "Forum santé jeunes" in html and "Nombre de lycées" in html


def test_export_then_import_of_the_same_file_changes_nothing(admin_client, contract):
    exported = admin_client.get(urls(contract)["export"]).content
    codes = [row[0] for row in sheet_rows(exported, "Actions")]
    assert codes and len(codes) == actions_of(contract).count()
    send(admin_client, contract, exported)
    assert preview(admin_client, contract).context["counts"] == {
        "create": 0,
        "update": 0,
        "unchanged": len(codes),
    }


def test_reimporting_an_edited_export_updates_only_the_edited_row(admin_client, contract):
    exported = admin_client.get(urls(contract)["export"]).content
    first_code = sheet_rows(exported, "Actions")[0][0]

    def edit(workbook):
        workbook["Actions"]["E3"] = "Un résumé revu par la coordinatrice."
        workbook["Indicateurs"].append(
            [first_code, "Nombre de communes touchées", "Quantitatif", "12"]
        )

    send(admin_client, contract, edited_workbook(exported, edit))
    plan = preview(admin_client, contract).context["plan"]
    changed = [
        (action.code, action.changed) for action in plan.actions if action.outcome != "unchanged"
    ]
    assert changed == [(first_code, ["summary", "indicators"])]
    revisions_before = Revision.objects.count()
    confirm(admin_client, contract, "publish")
    assert Revision.objects.count() == revisions_before + 1
    action = actions_of(contract).get(code=first_code)
    assert action.summary == "Un résumé revu par la coordinatrice."
    assert action.indicators.get().target == "12"
    assert action.get_latest_revision().user.username == "coordination"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4\n\x00\x01binary", "fiches.xlsx", "n'est pas un tableur"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old", "fiches.xls", "Excel 97-2003"),
        (with_macros(xlsx(NEW_ACTIONS)), "fiches.xlsm", "contient des macros"),
        (
            xlsx(NEW_ACTIONS, action_headers=["Code", "Titre"]),
            "f.xlsx",
            "il manque la ou les colonnes « Axe »",
        ),
        (
            xlsx(NEW_ACTIONS, edit=lambda workbook: workbook["Actions"].__setitem__("D4", "=A3")),
            "f.xlsx",
            "cellule D4 : une formule",
        ),
        (
            xlsx(NEW_ACTIONS, edit=lambda workbook: workbook["Actions"].merge_cells("D3:E3")),
            "f.xlsx",
            "des cellules sont fusionnées (D3:E3)",
        ),
        (csv_bytes([["=1+1", "1", "Titre"]]), "f.csv", "cellule A2 : une formule"),
        (
            ods(NEW_ACTIONS, extra_cell=TableCell(formula="of:=1+1", valuetype="float", value="2")),
            "f.ods",
            "cellule H2 : une formule",
        ),
        (
            ods(NEW_ACTIONS, extra_cell=TableCell(numbercolumnsspanned="2")),
            "f.ods",
            "ligne 2 : des cellules sont fusionnées",
        ),
    ],
)
def test_bad_files_are_refused_in_french_and_nothing_is_written(
    admin_client, contract, content, name, message
):
    before = actions_of(contract).count()
    response = send(admin_client, contract, content, name)
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert actions_of(contract).count() == before
    assert not any(key.startswith("actions-import") for key in admin_client.session.keys())


def test_a_50000_row_file_is_refused_while_streaming(admin_client, contract):
    rows = [[f"9.{number}", "1", f"Action {number}"] for number in range(50_000)]
    content = xlsx(rows, action_headers=["Code", "Axe", "Titre"])
    response = send(admin_client, contract, content)
    assert "plus de 2000 lignes" in unescape(response.content.decode())


def test_a_30_mb_file_is_refused_before_reading(admin_client, contract):
    response = send(
        admin_client, contract, b"Code;Axe;Titre\n" + b"x" * (30 * 1024 * 1024), "f.csv"
    )
    html = unescape(response.content.decode()).replace("\xa0", " ")
    assert "Le fichier pèse 30,0 Mo : 5 Mo au plus" in html


def test_errors_are_listed_with_row_and_column_and_block_the_confirmation(admin_client, contract):
    rows = [
        ["1.4", "7", "Action d'un axe inconnu", "", "Mutuelle inconnue", "", ""],
        ["1.5", "1", "Première", "", "", "Cosmonautes", "Terminée"],
        ["1.5", "1", "Doublon", "", "", "", ""],
    ]
    indicators = [["1.5", "Nombre de séances", "Quantitatif", "beaucoup", ""]]
    send(admin_client, contract, xlsx(rows, indicators))
    response = preview(admin_client, contract)
    errors = [(e.sheet, e.row, e.column) for e in response.context["plan"].errors]
    assert errors == [
        ("Actions", 3, "Axe"),
        ("Actions", 3, "Pilote"),
        ("Actions", 4, "Publics cibles"),
        ("Actions", 4, "État d'avancement"),
        ("Actions", 5, "Code"),
        ("Indicateurs", 3, "Cible"),
    ]
    html = unescape(response.content.decode())
    assert "L'axe « 7 » n'existe pas dans ce contrat" in html
    assert "Le code « 1.5 » est déjà celui de la ligne 4." in html
    assert "Confirmer l'import" not in html
    before = actions_of(contract).count()
    data = {"token": "x", "fingerprint": "x", "mode": "draft"}
    admin_client.post(urls(contract)["preview"], data)
    assert actions_of(contract).count() == before


def test_missing_axes_and_organisations_are_created_when_asked(admin_client, contract):
    rows = [["5.1", "5", "Action d'un nouvel axe", "", "Mutuelle du Ruffécois (exemple)", "", ""]]
    send(admin_client, contract, xlsx(rows), create_axes="on", create_organisations="on")
    plan = preview(admin_client, contract).context["plan"]
    assert list(plan.new_axes.values()) == ["Axe 5"]
    assert list(plan.new_organisations.values()) == ["Mutuelle du Ruffécois (exemple)"]
    confirm(admin_client, contract, "publish")
    axis = AxisPage.objects.child_of(contract).get(number=5)
    action = ActionPage.objects.child_of(axis).get()
    assert action.live and action.pilot.name == "Mutuelle du Ruffécois (exemple)"
    assert action.pilot.locale_id == contract.locale_id


def test_ods_and_csv_files_give_the_same_preview_as_xlsx(admin_client, contract):
    plans = []
    for content, name in (
        (xlsx(NEW_ACTIONS), "f.xlsx"),
        (ods(NEW_ACTIONS), "f.ods"),
        (csv_bytes(NEW_ACTIONS), "f.csv"),
        (csv_bytes(NEW_ACTIONS, encoding="cp1252"), "f.csv"),
    ):
        send(admin_client, contract, content, name)
        plan = preview(admin_client, contract).context["plan"]
        assert plan.errors == []
        plans.append([(a.code, a.outcome, a.values) for a in plan.actions])
    assert plans[0] == plans[1] == plans[2] == plans[3]


def test_the_confirmation_checks_the_contract_again(admin_client, contract):
    send(admin_client, contract, xlsx(NEW_ACTIONS))
    context = preview(admin_client, contract).context
    axis = AxisPage.objects.child_of(contract).get(number=1)
    axis.add_child(instance=ActionPage(title="Créée entre-temps", code="1.4"))
    data = {
        "token": context["form"].initial["token"],
        "fingerprint": context["form"].initial["fingerprint"],
    }
    response = admin_client.post(urls(contract)["preview"], {**data, "mode": "draft"})
    assert "Le contrat a changé depuis l'aperçu" in unescape(response.content.decode())
    assert actions_of(contract).filter(code="1.4").count() == 1
    assert not actions_of(contract).filter(code="2.5").exists()


def test_an_editor_imports_only_into_their_own_site(client, ruffecois_editor, aude_site, contract):
    client.force_login(ruffecois_editor)
    aude_contract = ContractPage.objects.descendant_of(aude_site.root_page).first()
    assert client.get(urls(aude_contract)["upload"]).status_code == 404
    assert client.get(urls(aude_contract)["export"]).status_code == 404
    assert send(client, aude_contract, xlsx(NEW_ACTIONS)).status_code == 404

    send(client, contract, xlsx(NEW_ACTIONS))
    modes = [
        value for value, _label in preview(client, contract).context["form"].fields["mode"].choices
    ]
    assert modes == ["draft", "submit"]  # an editor does not publish
    confirm(client, contract, "submit")
    action = actions_of(contract).get(code="1.4")
    assert not action.live
    assert action.current_workflow_state.status == "in_progress"


def test_a_moderator_may_publish(client, ruffecois_moderator, contract):
    client.force_login(ruffecois_moderator)
    send(client, contract, xlsx(NEW_ACTIONS))
    modes = [
        value for value, _label in preview(client, contract).context["form"].fields["mode"].choices
    ]
    assert modes == ["draft", "submit", "publish"]


def test_a_locked_action_is_not_changed(admin_client, contract):
    action = actions_of(contract).first()
    other = get_user_model().objects.create_superuser("autre", "autre@example.org", "x")
    Page.objects.filter(pk=action.pk).update(locked=True, locked_by=other)
    axis_number = action.get_parent().specific.number
    send(
        admin_client,
        contract,
        xlsx([[action.code, str(axis_number), "Nouveau titre", "", "", "", ""]]),
    )
    errors = preview(admin_client, contract).context["plan"].errors
    assert [error.message for error in errors] == [
        f"La fiche « {action.code} » est verrouillée : elle ne peut pas être modifiée."
    ]


def test_the_contract_page_offers_the_import(admin_client, contract):
    html = admin_client.get(f"/admin/pages/{contract.pk}/").content.decode()
    assert urls(contract)["upload"] in html
    assert "Importer des fiches action" in html


def rows_for(count):
    actions = [
        [f"1.{100 + n}", "1", f"Action d'essai {n}", "Résumé", "ORS", "Parents", "En cours"]
        for n in range(count)
    ]
    indicators = [
        [f"1.{100 + n}", f"Indicateur {k}", "Quantitatif", "10", "5"]
        for n in range(count)
        for k in range(3)
    ]
    return actions, indicators


def queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


def test_queries_grow_by_a_fixed_number_per_row(admin_client, contract):
    """The preview reads the contract in a fixed number of queries; confirming costs the
    same number of queries for each new action, whatever the file's length."""
    counts = []
    for count in (2, 4, 6):
        send(admin_client, contract, xlsx(*rows_for(count)))
        preview_queries = queries(lambda: preview(admin_client, contract))
        confirm_queries = queries(lambda: confirm(admin_client, contract, "publish"))
        counts.append((preview_queries, confirm_queries))
        ActionPage.objects.filter(title__startswith="Action d'essai").delete()
    assert counts[0][0] == counts[1][0] == counts[2][0]
    per_action = (counts[1][1] - counts[0][1]) / 2
    assert per_action == (counts[2][1] - counts[1][1]) / 2
    assert per_action <= 160  # with 3 indicators, published: revision, search, history


@pytest.mark.parametrize(
    "text",
    [
        "Un constat.\nUn deuxième paragraphe, avec <balise> & esperluette.",
        "Objectifs :\n- réduire les chutes\n- rompre l'isolement\nEn lien avec l'axe 3.",
    ],
)
def test_a_cell_text_comes_back_unchanged_from_rich_text(text):
    from cls.actions_import.cells import html_to_text, text_to_html

    html = text_to_html(text)
    assert "<ul><li>réduire les chutes</li>" in html or "&lt;balise&gt; &amp;" in html
    assert html_to_text(html) == text
