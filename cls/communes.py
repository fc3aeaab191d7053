"""Load communes from a CSV of the official geographic code (formats: docs/exploitation.md).

The whole file is read and checked before anything is written, and the writing runs in
one transaction: a file with one bad line imports nothing.
"""

import csv
import gzip
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .commune_codes import (
    first_error,
    split_postcodes,
    validate_insee_code,
    validate_postcodes,
    validate_siren,
)
from .commune_store import communes_with_codes, save_communes

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_REPORTED_ERRORS = 20


@dataclass(frozen=True)
class CsvFormat:
    """A known CSV layout: which column holds which commune field."""

    label: str
    columns: dict  # Commune field -> CSV column
    kept_rows: tuple = ()  # (column, value): only these rows are communes

    def missing_columns(self, header):
        needed = [*self.columns.values(), *(column for column, _value in self.kept_rows[:1])]
        return [column for column in needed if column not in header]


FORMATS = [
    # cls/data/*.csv: extracted from @etalab/decoupage-administratif (see cls/data/README.md).
    CsvFormat(
        "decoupage-administratif",
        {
            "insee_code": "insee_code",
            "name": "name",
            "postcodes": "postcodes",
            "population": "population",
            "epci_siren": "epci_siren",
            "epci_name": "epci_name",
        },
    ),
    # INSEE's "v_commune_AAAA.csv": codes and names only; delegated and associated
    # communes and municipal arrondissements (TYPECOM COMD, COMA, ARM) are skipped.
    CsvFormat("cog-insee", {"insee_code": "COM", "name": "LIBELLE"}, (("TYPECOM", "COM"),)),
]


class CommuneFileError(Exception):
    """The file cannot be imported; `errors` lists every problem found, in French."""

    def __init__(self, errors):
        self.errors = errors
        shown = errors[:MAX_REPORTED_ERRORS]
        if len(errors) > MAX_REPORTED_ERRORS:
            shown.append(_("… et %(count)d autres erreurs.") % {"count": len(errors) - len(shown)})
        super().__init__("\n".join(shown))


def read_communes(csv_path):
    """Parse and check the whole file (gzipped when its name ends with .gz); return one
    dict of Commune fields per commune."""
    opener = gzip.open if str(csv_path).endswith(".gz") else open
    try:
        with opener(csv_path, "rt", encoding="utf-8-sig", newline="") as csv_file:
            text = csv_file.read()
    except UnicodeDecodeError:
        raise CommuneFileError([_("Le fichier n'est pas encodé en UTF-8.")]) from None
    header_line = text.split("\n", 1)[0]
    if not header_line.strip():
        raise CommuneFileError([_("Le fichier est vide.")])
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    csv_format = detect_format(reader.fieldnames)
    rows, errors, first_lines = [], [], {}
    for row in reader:
        if any(row.get(column) != value for column, value in csv_format.kept_rows):
            continue
        values = {
            name: (row.get(column) or "").strip() for name, column in csv_format.columns.items()
        }
        errors.extend(check_row(values, csv_format.columns, reader.line_num))
        code = values["insee_code"]
        if code in first_lines:
            duplicate = _("le code INSEE %(code)s figure déjà ligne %(first)d.")
            errors.append(
                line_error(
                    reader.line_num,
                    csv_format.columns["insee_code"],
                    duplicate % {"code": code, "first": first_lines[code]},
                )
            )
        first_lines.setdefault(code, reader.line_num)
        rows.append(values)
    if not rows and not errors:
        errors.append(_("Le fichier ne contient aucune commune, seulement son en-tête."))
    if errors:
        raise CommuneFileError(errors)
    for values in rows:
        if "population" in values:
            values["population"] = int(values["population"]) if values["population"] else None
        if "postcodes" in values:
            values["postcodes"] = " ".join(split_postcodes(values["postcodes"]))
    return rows


def detect_format(header):
    header = header or []
    for csv_format in FORMATS:
        if csv_format.columns["insee_code"] not in header:
            continue
        if missing := csv_format.missing_columns(header):
            raise CommuneFileError(
                [
                    _("Colonne manquante : « %(column)s ».") % {"column": column}
                    for column in missing
                ]
            )
        return csv_format
    expected = " ; ".join(", ".join(csv_format.columns.values()) for csv_format in FORMATS)
    raise CommuneFileError(
        [_("En-tête non reconnu. Colonnes attendues : %(expected)s.") % {"expected": expected}]
    )


def line_error(line, column, message):
    return _("Ligne %(line)d, colonne « %(column)s » : %(message)s") % {
        "line": line,
        "column": column,
        "message": message,
    }


def check_row(values, columns, line):
    """The problems of one line, each naming the line and the column."""
    problems = []

    def problem(name, message):
        problems.append(line_error(line, columns[name], message))

    if not values["insee_code"]:
        problem("insee_code", _("le code INSEE est vide."))
    elif error := first_error(validate_insee_code, values["insee_code"]):
        problem("insee_code", error)
    if not values["name"]:
        problem("name", _("le nom de la commune est vide."))
    if values.get("population") and not values["population"].isdigit():
        problem(
            "population",
            _("« %(value)s » n'est pas un nombre entier positif.")
            % {"value": values["population"]},
        )
    for postcode in split_postcodes(values.get("postcodes", "")):
        if error := first_error(validate_postcodes, postcode):
            problem("postcodes", error)
    if values.get("epci_siren") and (error := first_error(validate_siren, values["epci_siren"])):
        problem("epci_siren", error)
    return problems


def check_epcis(rows, epci_sirens):
    """Every EPCI asked for must have communes in the file: a typo must not empty a territory."""
    if epci_sirens and "epci_siren" not in rows[0]:
        raise CommuneFileError([_("Ce format de fichier n'indique pas l'EPCI des communes.")])
    unknown = sorted(set(epci_sirens) - {row["epci_siren"] for row in rows})
    if unknown:
        raise CommuneFileError(
            [
                _("Aucune commune du fichier n'appartient à l'EPCI de SIREN %(siren)s.")
                % {"siren": siren}
                for siren in unknown
            ]
        )


def check_contract_is_published(contract):
    if contract.has_unpublished_changes:
        raise CommuneFileError(
            [
                _(
                    "Le contrat « %(title)s » a des modifications non publiées : "
                    "publiez-les ou supprimez le brouillon avant de changer son territoire."
                )
                % {"title": contract.title}
            ]
        )


def assign_territory(contract, communes):
    """Make these communes the contract's territory, as a new published revision."""
    contract.communes = communes
    contract.save_revision(log_action=True).publish()


def load_communes(csv_path, contract=None, epci_sirens=()):
    """Check the file, then save its communes and, optionally, a contract's territory:
    the communes of the given EPCIs, or every commune of the file without EPCI.

    Nothing is written when the file, the EPCIs or the contract are wrong.
    """
    rows = read_communes(csv_path)
    epci_sirens = set(epci_sirens)
    if contract is not None:
        check_epcis(rows, epci_sirens)
        check_contract_is_published(contract)
    with transaction.atomic():
        result = save_communes(rows)
        if contract is not None:
            territory = [
                row["insee_code"]
                for row in rows
                if not epci_sirens or row["epci_siren"] in epci_sirens
            ]
            assign_territory(contract, communes_with_codes(territory))
    return result
