"""A file's rows + the contract's actions → the plan of an import, and its errors.

Nothing is written here: the preview shows the plan, and the confirmation builds it again
from the same rows (the contract may have changed meanwhile) before applying it.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .cells import clean_lines
from .columns import ACTION_COLUMNS, ACTIONS_SHEET, INDICATOR_COLUMNS, INDICATORS_SHEET
from .current import ContractData, current_actions
from .fields import CellInvalid, CellParser

HEADERS = {
    **{column.key: column.header for column in [*ACTION_COLUMNS, *INDICATOR_COLUMNS]},
    "indicators": INDICATORS_SHEET,
}
# Columns that say where a row goes rather than what the page holds.
NOT_COMPARED = {"code", "axis_title"}
CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int
    column: str
    message: str


@dataclass
class PlannedAction:
    row: int
    code: str
    title: str
    outcome: str  # CREATE, UPDATE or UNCHANGED
    values: dict  # every column the file has, parsed
    page: object = None  # the page to update, as in its latest revision
    changed: list = field(default_factory=list)  # column keys

    @property
    def changed_headers(self):
        return [str(HEADERS[key]) for key in self.changed]


@dataclass
class Plan:
    contract: object
    actions: list
    errors: list
    new_axes: dict
    new_organisations: dict

    def count(self, outcome):
        return sum(1 for action in self.actions if action.outcome == outcome)

    @property
    def changes(self):
        return [action for action in self.actions if action.outcome != UNCHANGED]

    def fingerprint(self):
        """What the editor saw in the preview; confirming anything else is refused."""
        seen = [
            [(a.row, a.code, a.outcome, a.changed) for a in self.actions],
            sorted(map(str, self.new_axes)),
            sorted(self.new_organisations),
        ]
        return hashlib.sha256(json.dumps(seen, default=str).encode()).hexdigest()[:32]


def build_plan(table, contract, user, *, create_axes=False, create_organisations=False):
    data = ContractData(contract)
    parser = CellParser(data, create_axes, create_organisations)
    current = current_actions(data)
    parser.prepare_communes(cells.get("territory", "") for _number, cells in table.actions.rows)
    errors = []
    planned = parse_actions(table.actions, parser, errors)
    if table.indicators is not None:
        add_indicators(table.indicators, planned, parser, errors)
    by_code = defaultdict(list)
    for action in current:
        by_code[action.values["code"]].append(action)
    for action in planned.values():
        compare(action, by_code.get(action.code, []), errors)
    check_permissions(planned.values(), data, user, parser.new_axes, errors)
    errors.sort(key=lambda error: (error.sheet != str(ACTIONS_SHEET), error.row))
    return Plan(contract, list(planned.values()), errors, parser.new_axes, parser.new_organisations)


def parse_actions(sheet, parser, errors):
    """Rows by code; each cell parsed, its error kept with its row and column."""
    planned, rows_by_code = {}, {}
    for number, cells in sheet.rows:
        values = {}
        for key in sheet.columns:
            try:
                values[key] = parser.parse(key, cells[key], cells)
            except CellInvalid as error:
                errors.append(cell_error(ACTIONS_SHEET, number, key, error.message))
        if "start_date" in values and "end_date" in values:
            start, end = values["start_date"], values["end_date"]
            if start and end and end < start:
                errors.append(
                    cell_error(ACTIONS_SHEET, number, "end_date", _("La fin précède le début."))
                )
        code = values.get("code")
        if code in rows_by_code:
            errors.append(
                cell_error(
                    ACTIONS_SHEET,
                    number,
                    "code",
                    _("Le code « %(code)s » est déjà celui de la ligne %(row)s.")
                    % {"code": code, "row": rows_by_code[code]},
                )
            )
        elif code:
            rows_by_code[code] = number
            planned[code] = PlannedAction(number, code, values.get("title", ""), CREATE, values)
    return planned


def add_indicators(sheet, planned, parser, errors):
    """The indicators sheet replaces the indicators of every action of the file."""
    for action in planned.values():
        action.values["indicators"] = ()
    for number, cells in sheet.rows:
        code = " ".join(clean_lines(cells.get("action_code", "")))
        if code not in planned:
            errors.append(
                cell_error(
                    INDICATORS_SHEET,
                    number,
                    "action_code",
                    _("Aucune fiche n'a le code « %(code)s » dans la feuille « %(sheet)s ».")
                    % {"code": code, "sheet": ACTIONS_SHEET},
                )
            )
            continue
        try:
            indicator = parser.parse_indicator(cells)
        except CellInvalid as error:
            errors.append(cell_error(INDICATORS_SHEET, number, error.column, error.message))
            continue
        planned[code].values["indicators"] += (indicator,)


def compare(action, matches, errors):
    if len(matches) > 1:
        errors.append(
            cell_error(
                ACTIONS_SHEET,
                action.row,
                "code",
                _(
                    "%(count)s fiches du contrat ont le code « %(code)s » : donnez-leur des "
                    "codes différents dans l'admin avant d'importer."
                )
                % {"count": len(matches), "code": action.code},
            )
        )
        return
    if not matches:
        return
    current = matches[0]
    action.page = current.page
    action.changed = [
        key
        for key, value in action.values.items()
        if key not in NOT_COMPARED and value != current.values[key]
    ]
    action.outcome = UPDATE if action.changed else UNCHANGED


def check_permissions(actions, data, user, new_axes, errors):
    """A site's editor adds and edits only where Wagtail lets them, and no locked page."""
    may_add = {}

    def may_add_to(axis_key):
        if axis_key not in may_add:
            parent = data.axes.get(axis_key, data.contract)
            may_add[axis_key] = parent.permissions_for_user(user).can_add_subpage()
        return may_add[axis_key]

    for action in actions:
        if action.outcome == UNCHANGED:
            continue
        if action.page is None:
            allowed = may_add_to(action.values.get("axis"))
        else:
            allowed = action.page.permissions_for_user(user).can_edit()
            if "axis" in action.changed:
                allowed = allowed and may_add_to(action.values["axis"])
            lock = action.page.get_lock()
            if allowed and lock and lock.for_user(user):
                errors.append(
                    cell_error(
                        ACTIONS_SHEET,
                        action.row,
                        "code",
                        _("La fiche « %(code)s » est verrouillée : elle ne peut pas être modifiée.")
                        % {"code": action.code},
                    )
                )
                continue
        if not allowed:
            errors.append(
                cell_error(
                    ACTIONS_SHEET,
                    action.row,
                    "code",
                    _("Vous n'avez pas le droit de modifier ou d'ajouter la fiche « %(code)s ».")
                    % {"code": action.code},
                )
            )


def cell_error(sheet, row, key, message):
    return CellError(str(sheet), row, str(HEADERS[key]), str(message))
