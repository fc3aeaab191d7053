"""Spreadsheet files for the actions import tests, written with real libraries (openpyxl,
odfpy, csv) as a coordinator's spreadsheet program would write them."""

import csv
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook, load_workbook

ACTION_HEADERS = ["Code", "Axe", "Titre", "Résumé", "Pilote", "Publics cibles", "État d'avancement"]
INDICATOR_HEADERS = ["Code de l'action", "Indicateur", "Nature", "Cible", "Valeur atteinte"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx(actions, indicators=None, *, action_headers=ACTION_HEADERS, edit=None):
    """A workbook with a help row, the headers, then the rows; `edit(workbook)` may add
    what a test needs (a formula, merged cells)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append(["Aide"] * len(action_headers))
    sheet.append(action_headers)
    for row in actions:
        sheet.append(row)
    if indicators is not None:
        sheet = workbook.create_sheet("Indicateurs")
        sheet.append(["Aide"] * len(INDICATOR_HEADERS))
        sheet.append(INDICATOR_HEADERS)
        for row in indicators:
            sheet.append(row)
    if edit:
        edit(workbook)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def ods(actions, indicators=None, extra_cell=None):
    """An ODS file; `extra_cell` (an odfpy cell) ends the first data row."""
    document = OpenDocumentSpreadsheet()
    for name, headers, rows in (
        ("Actions", ACTION_HEADERS, actions),
        ("Indicateurs", INDICATOR_HEADERS, indicators),
    ):
        if rows is None:
            continue
        table = Table(name=name)
        for row in [headers, *rows]:
            table_row = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            if extra_cell is not None and row is rows[0]:
                table_row.addElement(extra_cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def csv_bytes(actions, headers=ACTION_HEADERS, encoding="utf-8-sig"):
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(headers)
    writer.writerows(actions)
    return output.getvalue().encode(encoding)


def with_macros(xlsx_content):
    """The same workbook with a VBA project, as Excel saves an .xlsm."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx_content)) as source:
        with zipfile.ZipFile(output, "w") as target:
            for item in source.infolist():
                target.writestr(item, source.read(item.filename))
            target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return output.getvalue()


def upload(content, name="fiches.xlsx"):
    return SimpleUploadedFile(name, content)


def sheet_rows(content, sheet_name):
    """The values of a workbook's sheet, from its third row (after help and headers)."""
    sheet = load_workbook(io.BytesIO(content))[sheet_name]
    return [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]


def edited_workbook(content, edit):
    workbook = load_workbook(io.BytesIO(content))
    edit(workbook)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
