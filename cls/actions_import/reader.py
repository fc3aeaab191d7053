"""An uploaded file → the rows of its « Actions » and « Indicateurs » sheets, as text.

The file's kind is read from its content, not its name. Anything but a plain table is
refused before a row is used: a file too large, with too many rows, a formula, merged
cells or macros. Sizes are checked before parsing (the upload's size, then what its
ZIP container would inflate to), and rows are counted while streaming (openpyxl's
read-only mode), so a 50,000-row file is refused without being loaded whole.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from odf import teletype
from odf.namespaces import TABLENS
from odf.opendocument import load as load_ods
from odf.table import Table as OdsTable
from odf.table import TableRow
from odf.text import P
from openpyxl import load_workbook

from cls.commune_names import search_key

from .columns import (
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    INDICATOR_COLUMNS,
    INDICATORS_SHEET,
    in_template_language,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
# What a ZIP container (XLSX, ODS) may inflate to: a 2,000-row sheet takes a few MB.
MAX_INFLATED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 60
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls, and password-protected Office files


class SpreadsheetRefused(Exception):
    """The file cannot be imported; the message says why, in French, for the editor."""


@dataclass
class Sheet:
    """A sheet's data rows: (row number in the file, {column key: text})."""

    rows: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # the keys of the columns present


@dataclass
class Table:
    actions: Sheet
    indicators: Sheet | None  # None: a CSV file, or no indicators sheet (left unchanged)

    def to_json(self):
        return {
            "actions": [self.actions.rows, self.actions.columns],
            "indicators": self.indicators and [self.indicators.rows, self.indicators.columns],
        }

    @classmethod
    def from_json(cls, data):
        indicators = data["indicators"]
        return cls(Sheet(*data["actions"]), indicators and Sheet(*indicators))


def read_table(upload):
    """The uploaded file's rows, or SpreadsheetRefused."""
    if upload.size > MAX_FILE_BYTES:
        raise SpreadsheetRefused(
            _("Le fichier pèse %(size)s Mo : 5 Mo au plus. Importez les actions en plusieurs fois.")
            % {"size": number_format(upload.size / 1024 / 1024, decimal_pos=1)}
        )
    data = upload.read()
    with in_template_language():
        if data.startswith(b"PK\x03\x04"):
            grids = read_zip_spreadsheet(data)
        elif data.startswith(OLE2_SIGNATURE):
            raise SpreadsheetRefused(
                _(
                    "Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de "
                    "passe. Enregistrez-le au format .xlsx ou .ods, sans mot de passe."
                )
            )
        else:
            grids = {_("CSV"): read_csv(data)}
        return table_from_grids(grids)


def table_from_grids(grids):
    """Grids by sheet name → Table: the actions sheet is « Actions » or the first one."""
    by_key = {search_key(name): grid for name, grid in grids.items()}
    actions = by_key.get(search_key(str(ACTIONS_SHEET)))
    if actions is None:
        actions = next(iter(grids.values()))
    indicators = by_key.get(search_key(str(INDICATORS_SHEET)))
    return Table(
        sheet_from_grid(actions, ACTION_COLUMNS, ACTIONS_SHEET),
        None
        if indicators is None
        else sheet_from_grid(indicators, INDICATOR_COLUMNS, INDICATORS_SHEET),
    )


def sheet_from_grid(grid, columns, sheet_name):
    """The header row is the first or second (the template's first row is help)."""
    by_header = {search_key(str(column.header)): column for column in columns}
    header_index, found = 0, {}
    for index, row in enumerate(grid[:2]):
        matched = {position: by_header.get(search_key(text)) for position, text in enumerate(row)}
        matched = {position: column for position, column in matched.items() if column}
        if matched:
            header_index, found = index, matched
            break
    keys = [column.key for column in found.values()]
    duplicated = {column.header for column in found.values() if keys.count(column.key) > 1}
    if duplicated:
        raise SpreadsheetRefused(
            _("Feuille « %(sheet)s » : la colonne « %(column)s » apparaît deux fois.")
            % {"sheet": sheet_name, "column": sorted(map(str, duplicated))[0]}
        )
    missing = [
        str(column.header) for column in columns if column.required and column.key not in keys
    ]
    if missing:
        raise SpreadsheetRefused(
            _(
                "Feuille « %(sheet)s » : il manque la ou les colonnes %(columns)s. Partez du "
                "modèle à télécharger : ses noms de colonnes sont sur la deuxième ligne."
            )
            % {"sheet": sheet_name, "columns": ", ".join(f"« {name} »" for name in missing)}
        )
    rows = []
    for number, row in enumerate(grid[header_index + 1 :], start=header_index + 2):
        cells = {
            column.key: row[index] if index < len(row) else "" for index, column in found.items()
        }
        if any(cells.values()):
            rows.append((number, cells))
    return Sheet(rows, keys)


def too_many_rows(sheet_name):
    return SpreadsheetRefused(
        _(
            "La feuille « %(sheet)s » a plus de %(limit)s lignes : importez les actions en "
            "plusieurs fichiers."
        )
        % {"sheet": sheet_name, "limit": MAX_ROWS}
    )


def refuse_formula(sheet_name, coordinate):
    raise SpreadsheetRefused(
        _(
            "Feuille « %(sheet)s », cellule %(cell)s : une formule. Remplacez les formules "
            "par leurs valeurs (copier, puis collage spécial « valeurs seulement »)."
        )
        % {"sheet": sheet_name, "cell": coordinate}
    )


def cell_text(value):
    """A cell's value as the text the editor sees; dates the French way."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "\n".join(line.strip() for line in str(value).replace("\r\n", "\n").split("\n")).strip()


def read_zip_spreadsheet(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename for info in infos}
        content_types = (
            archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        )
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError) as error:
        raise SpreadsheetRefused(
            _("Ce fichier est abîmé : il ne s'ouvre pas comme un tableur.")
        ) from error
    if any(
        name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/"))
        for name in names
    ) or (b"macroEnabled" in content_types):
        raise SpreadsheetRefused(
            _(
                "Ce fichier contient des macros : elles ne sont pas acceptées. Enregistrez-le "
                "au format .xlsx (sans macros) ou .ods."
            )
        )
    if sum(info.file_size for info in infos) > MAX_INFLATED_BYTES:
        raise SpreadsheetRefused(
            _(
                "Ce tableur est trop volumineux une fois décompressé : importez les actions "
                "en plusieurs fichiers."
            )
        )
    if "xl/workbook.xml" in names:
        return read_xlsx(data)
    if mimetype == ODS_MIMETYPE:
        return read_ods(data)
    raise SpreadsheetRefused(not_a_spreadsheet())


def not_a_spreadsheet():
    return _(
        "Ce fichier n'est pas un tableur : importez un fichier .xlsx, .ods ou .csv, par "
        "exemple le modèle à télécharger."
    )


def wanted_sheets(names):
    """The sheets to read: « Actions » (else the first) and « Indicateurs »."""
    keys = {search_key(str(ACTIONS_SHEET)), search_key(str(INDICATORS_SHEET))}
    wanted = [name for name in names if search_key(name) in keys]
    return (
        wanted
        if any(search_key(name) == search_key(str(ACTIONS_SHEET)) for name in wanted)
        else [names[0], *wanted]
    )


def read_xlsx(data):
    """Two passes: rows counted while streaming, then the (now bounded) sheets read whole
    for their formulas and merged cells, which openpyxl's read-only mode does not give."""
    try:
        streamed = load_workbook(io.BytesIO(data), read_only=True)
        names = wanted_sheets(streamed.sheetnames)
        for name in names:
            non_empty = 0
            for row in streamed[name].iter_rows(values_only=True):
                non_empty += any(value is not None for value in row)
                if non_empty > MAX_ROWS + 2:
                    raise too_many_rows(name)
        streamed.close()
        workbook = load_workbook(io.BytesIO(data))
    except SpreadsheetRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise SpreadsheetRefused(
            _("Ce fichier est abîmé : il ne s'ouvre pas comme un tableur.")
        ) from error
    grids = {}
    for name in names:
        sheet = workbook[name]
        if sheet.merged_cells.ranges:
            raise SpreadsheetRefused(
                _(
                    "Feuille « %(sheet)s » : des cellules sont fusionnées (%(cells)s). "
                    "Défusionnez-les : chaque fiche tient sur une ligne, une valeur par cellule."
                )
                % {"sheet": name, "cells": min(str(cells) for cells in sheet.merged_cells.ranges)}
            )
        grid = []
        for row in sheet.iter_rows(max_col=MAX_COLUMNS):
            for cell in row:
                if cell.data_type == "f":
                    refuse_formula(name, cell.coordinate)
            grid.append([cell_text(cell.value) for cell in row])
        grids[name] = grid
    return grids


def read_ods(data):
    try:
        document = load_ods(io.BytesIO(data))
    except Exception as error:  # odfpy raises many kinds on a damaged file
        raise SpreadsheetRefused(
            _("Ce fichier est abîmé : il ne s'ouvre pas comme un tableur.")
        ) from error
    tables = {
        table.getAttribute("name"): table
        for table in document.spreadsheet.getElementsByType(OdsTable)
    }
    if not tables:
        raise SpreadsheetRefused(not_a_spreadsheet())
    return {name: ods_grid(name, tables[name]) for name in wanted_sheets(list(tables))}


def ods_grid(name, table):
    grid = []
    for row in table.getElementsByType(TableRow):
        cells = ods_row(name, row, len(grid) + 1)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        # Spreadsheets write their empty tail as one row "repeated" a million times.
        grid.extend([cells] * (min(repeat, MAX_ROWS + 3) if any(cells) else 1))
        if sum(1 for cells in grid if any(cells)) > MAX_ROWS + 2:
            raise too_many_rows(name)
    return grid


def ods_row(sheet_name, row, number):
    cells = []
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        if cell.qname[1] == "covered-table-cell" or any(
            int(cell.attributes.get((TABLENS, attribute)) or 1) > 1
            for attribute in ("number-columns-spanned", "number-rows-spanned")
        ):
            raise SpreadsheetRefused(
                _(
                    "Feuille « %(sheet)s », ligne %(row)s : des cellules sont fusionnées. "
                    "Défusionnez-les : chaque fiche tient sur une ligne, une valeur par cellule."
                )
                % {"sheet": sheet_name, "row": number}
            )
        if cell.attributes.get((TABLENS, "formula")):
            refuse_formula(sheet_name, f"{column_letter(len(cells) + 1)}{number}")
        text = ods_cell_text(cell)
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        cells.extend([text] * min(repeat, MAX_COLUMNS))
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and not cells[-1]:
        cells.pop()
    return cells[:MAX_COLUMNS]


def ods_cell_text(cell):
    kind = cell.getAttribute("valuetype")
    if kind == "date":
        return cell_text(datetime.date.fromisoformat(cell.getAttribute("datevalue")[:10]))
    if kind in ("float", "percentage", "currency"):
        return cell_text(float(cell.getAttribute("value")))
    return cell_text("\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)))


def column_letter(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class FrenchCsv(csv.excel):
    """What French spreadsheets write as « CSV »: semicolons, decimal commas."""

    delimiter = ";"


def read_csv(data):
    if b"\x00" in data[:65536]:
        raise SpreadsheetRefused(not_a_spreadsheet())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's « CSV » on Windows
    if any(ord(char) < 32 and char not in "\t\r\n" for char in text[:65536]):
        raise SpreadsheetRefused(not_a_spreadsheet())
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=";,\t")
    except csv.Error:
        dialect = FrenchCsv
    grid = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        if len(grid) > MAX_ROWS + 2:
            raise too_many_rows(_("CSV"))
        for index, value in enumerate(row[:MAX_COLUMNS]):
            if value.startswith("="):
                refuse_formula(_("CSV"), f"{column_letter(index + 1)}{number}")
        grid.append([cell_text(value) for value in row[:MAX_COLUMNS]])
    return grid
