"""Importing a contract's « fiches action » from a spreadsheet: 100 actions, 300 indicators.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db \\
        .venv/bin/python -m bench.actions_import [--actions 100] [--indicators-per-action 3] \\
        [--mode publish]

On a migrated database: builds a throwaway site (home, contract, 5 axes, an EPCI's
communes as territory), writes the template filled with the actions (openpyxl, as a
coordinator's spreadsheet would be), then times what the editor waits for: the upload
read and the preview (cls/actions_import reader and validation), the confirmation
(validation again, then every page saved as a revision and published), and a second
import of the same file, which changes nothing. Prints the time and SQL queries of each
step, and the queries per action. The throwaway site is deleted at the end.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import io
import time

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from openpyxl import load_workbook
from wagtail.models import Locale, Page

from cls.actions_import.apply import apply_plan
from cls.actions_import.reader import read_table
from cls.actions_import.validation import build_plan
from cls.actions_import.writer import workbook_bytes
from cls.models import AxisPage, Commune, ContractPage, Organisation
from home.models import HomePage

PUBLICS = ["Personnes âgées", "Jeunes (12-25 ans)", "Parents", "Tout public"]
STATUSES = ["À venir", "En cours", "Réalisée"]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measured(label, function, actions):
    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        result = function()
    elapsed = time.perf_counter() - started
    print(
        f"{label}: {elapsed:.2f} s, {counter.count} queries "
        f"({counter.count / actions:.1f} per action)"
    )
    return result


def build_site():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Banc d'essai import", slug="bench-import"))
    contract = home.add_child(
        instance=ContractPage(title="Contrat du banc d'essai", generation_label="CLS")
    )
    epci = Commune.objects.exclude(epci_siren="").values_list("epci_siren", flat=True).first()
    contract.communes = list(Commune.objects.filter(epci_siren=epci)[:40])
    contract.save()
    for number in range(1, 6):
        contract.add_child(instance=AxisPage(title=f"Axe d'essai {number}", number=number))
    for name in ("ARS Exemple", "CPAM Exemple", "Mairie Exemple"):
        Organisation.objects.get_or_create(name=name, locale=Locale.get_default())
    return home, contract


def spreadsheet(contract, actions, indicators_per_action):
    """The template filled with `actions` rows, about 1 KB of text each."""
    workbook = load_workbook(io.BytesIO(workbook_bytes()))
    communes = list(contract.communes.values_list("name", flat=True)[:3])
    sheet, indicators = workbook["Actions"], workbook["Indicateurs"]
    for number in range(actions):
        axis = number % 5 + 1
        code = f"{axis}.{number // 5 + 1}"
        sheet.append(
            [
                code,
                axis,
                "",
                f"Action d'essai {number}",
                "Une action de démonstration pour mesurer l'import. " * 3,
                "Le diagnostic relève un besoin.\nUne deuxième ligne de constat.",
                "- Premier objectif\n- Deuxième objectif",
                "ARS Exemple",
                "CPAM Exemple : financeur ; Mairie Exemple",
                f"{PUBLICS[number % 4]} ; Parents",
                " ; ".join(communes) if number % 2 else "Tout le territoire",
                "01/01/2025",
                "31/12/2026",
                "Chaque année",
                STATUSES[number % 3],
                12000 + number,
                "ARS Exemple : 5000 ; CPAM Exemple",
            ]
        )
        for index in range(indicators_per_action):
            indicators.append(
                [
                    code,
                    f"Indicateur {index + 1}",
                    "Quantitatif",
                    "150",
                    str(index * 40),
                    "30/06/2025",
                ]
            )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--indicators-per-action", type=int, default=3)
    parser.add_argument("--mode", choices=["draft", "publish"], default="publish")
    options = parser.parse_args()
    user, _created = get_user_model().objects.get_or_create(
        username="bench-import", defaults={"is_superuser": True, "is_staff": True}
    )
    home, contract = build_site()
    try:
        content = spreadsheet(contract, options.actions, options.indicators_per_action)
        print(
            f"{options.actions} actions, {options.actions * options.indicators_per_action} "
            f"indicators, {len(content) // 1024} KB (XLSX), mode {options.mode}"
        )
        total = time.perf_counter()

        def upload_and_preview():
            table = read_table(SimpleUploadedFile("fiches.xlsx", content))
            return table, build_plan(table, contract, user)

        table, plan = measured("upload + preview", upload_and_preview, options.actions)
        if plan.errors:
            raise SystemExit(f"The bench file has errors: {plan.errors[:5]}")

        def confirm():
            plan = build_plan(table, contract, user)
            return apply_plan(plan, user, options.mode)

        outcome = measured("confirm", confirm, options.actions)
        print(
            f"created {outcome.created} actions; upload + preview + confirm: "
            f"{time.perf_counter() - total:.2f} s"
        )
        again = measured(
            "same file again: upload + preview",
            lambda: build_plan(read_table(SimpleUploadedFile("f.xlsx", content)), contract, user),
            options.actions,
        )
        print(f"unchanged on re-import: {again.count('unchanged')} of {len(again.actions)}")
    finally:
        home.delete()


if __name__ == "__main__":
    main()
