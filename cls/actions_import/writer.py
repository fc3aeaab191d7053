"""The template as an XLSX workbook: empty, or filled with a contract's actions (export).

Row 1 of each sheet holds the help, row 2 the column names, data starts on row 3; the
« Listes » sheet holds the values of the drop-down lists.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from cls.commune_names import search_key
from cls.models import ActionIndicator, ActionStatus
from cls.models.action import Recurrence

from .cells import format_amount
from .columns import (
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    DETAIL_SEPARATOR,
    INDICATOR_COLUMNS,
    INDICATORS_SHEET,
    LIST_SEPARATOR,
    LISTS_SHEET,
    TRANSVERSAL,
    WHOLE_TERRITORY,
    in_template_language,
    list_values,
)
from .current import TRANSVERSAL_AXIS

HELP_STYLE = {
    "font": Font(italic=True, color="444444"),
    "alignment": Alignment(wrap_text=True, vertical="top"),
    "fill": PatternFill("solid", fgColor="EEF3F7"),
}
DATA_ROWS = 2000  # how far down the drop-down lists reach
LISTS_ORDER = ["status", "publics", "recurrence", "kind"]


def workbook_bytes(data=None, actions=()):
    """The template, filled with `actions` (CurrentAction) of the contract `data`."""
    with in_template_language():
        workbook = Workbook()
        actions_sheet = workbook.active
        actions_sheet.title = str(ACTIONS_SHEET)
        indicators_sheet = workbook.create_sheet(str(INDICATORS_SHEET))
        lists = list_values()
        list_ranges = write_lists(workbook.create_sheet(str(LISTS_SHEET)), lists)
        for sheet, columns in (
            (actions_sheet, ACTION_COLUMNS),
            (indicators_sheet, INDICATOR_COLUMNS),
        ):
            write_header(sheet, columns)
            add_drop_downs(sheet, columns, list_ranges)
        formatter = CellFormatter(data) if data else None
        for action in actions:
            append(
                actions_sheet,
                [formatter.action_cell(column.key, action.values) for column in ACTION_COLUMNS],
            )
            for indicator in action.values["indicators"]:
                append(
                    indicators_sheet, formatter.indicator_cells(action.values["code"], indicator)
                )
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()


def write_header(sheet, columns):
    for index, column in enumerate(columns, start=1):
        help_cell = sheet.cell(row=1, column=index, value=str(column.help))
        for name, style in HELP_STYLE.items():
            setattr(help_cell, name, style)
        sheet.cell(row=2, column=index, value=str(column.header)).font = Font(bold=True)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.key in ("code", "action_code"):  # « 2.10 » is not the number 2.1
            sheet.column_dimensions[letter].number_format = "@"
    sheet.row_dimensions[1].height = 75
    sheet.freeze_panes = "A3"


def write_lists(sheet, lists):
    """One column per list; returns each list's absolute range, for the drop-downs."""
    headers = {column.key: column.header for column in [*ACTION_COLUMNS, *INDICATOR_COLUMNS]}
    ranges = {}
    for index, key in enumerate(LISTS_ORDER, start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=str(headers[key])).font = Font(bold=True)
        for row, value in enumerate(lists[key], start=2):
            sheet.cell(row=row, column=index, value=value)
        sheet.column_dimensions[letter].width = 34
        ranges[key] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${len(lists[key]) + 1}"
    return ranges


def add_drop_downs(sheet, columns, list_ranges):
    for index, column in enumerate(columns, start=1):
        if column.key not in list_ranges:
            continue
        # Several publics go in one cell: the list suggests, it does not forbid.
        strict = column.key != "publics"
        validation = DataValidation(
            type="list", formula1=list_ranges[column.key], allow_blank=True, showErrorMessage=strict
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}3:{letter}{DATA_ROWS + 2}")
        sheet.add_data_validation(validation)


def append(sheet, values):
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":  # a text starting with « = » stays text
            cell.data_type = "s"
        if isinstance(cell.value, str) and "\n" in cell.value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif cell.is_date:
            cell.number_format = "DD/MM/YYYY"


class CellFormatter:
    """Values (cls/actions_import/current.py) → what the cells show."""

    def __init__(self, data):
        self.data = data
        self.statuses = dict(ActionStatus.choices)
        self.recurrences = dict(Recurrence.choices)
        self.kinds = dict(ActionIndicator.Kind.choices)
        names = [search_key(commune.name) for commune in data.communes.values()]
        self.ambiguous_names = {name for name in names if names.count(name) > 1}

    def organisation(self, pk):
        return self.data.organisations[pk].name if pk in self.data.organisations else ""

    def commune(self, pk):
        commune = self.data.communes[pk]
        if search_key(commune.name) in self.ambiguous_names:
            return f"{commune.name} ({commune.insee_code})"
        return commune.name

    def details(self, pairs, format_detail=str):
        return f" {LIST_SEPARATOR} ".join(
            f"{self.organisation(pk)} {DETAIL_SEPARATOR} {format_detail(detail)}"
            if detail
            else self.organisation(pk)
            for pk, detail in pairs
        )

    def action_cell(self, key, values):
        value = values[key]
        if key == "axis":
            if value == TRANSVERSAL_AXIS:
                return str(TRANSVERSAL)
            return value if isinstance(value, int) else values["axis_title"]
        if key == "pilot":
            return self.organisation(value)
        if key == "partners":
            return self.details(value)
        if key == "funders":
            return self.details(value, format_amount)
        if key == "publics":
            return f"{LIST_SEPARATOR} ".join(str(self.data.publics[pk]) for pk in value)
        if key == "territory":
            if value is None:
                return str(WHOLE_TERRITORY)
            return f"{LIST_SEPARATOR} ".join(self.commune(pk) for pk in value)
        if key == "status":
            return str(self.statuses.get(value, ""))
        if key == "recurrence":
            return str(self.recurrences.get(value, ""))
        return value if value is not None else ""

    def indicator_cells(self, code, indicator):
        label, kind, target, value, measured_on = indicator
        return [code, label, str(self.kinds.get(kind, "")), target, value, measured_on]
