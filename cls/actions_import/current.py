"""A contract's actions as they stand, in the template's terms, and its reference data.

An action stands as its latest revision: a draft waiting for publication is what the
editor would edit, so it is what an export shows and an import compares with. Everything
is read in a fixed number of queries, whatever the number of actions.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from cls.commune_names import search_key
from cls.models import ActionPage, AxisPage, Commune, Organisation, TargetPublic

from .cells import html_to_text

TRANSVERSAL_AXIS = "T"


def axis_key(axis):
    """An axis as a cell names it: its number, « transversal », or its title."""
    if axis.is_transversal:
        return TRANSVERSAL_AXIS
    return axis.number if axis.number else search_key(axis.title)


class ContractData:
    """The contract's axes, and the organisations, publics and communes a cell may name."""

    def __init__(self, contract):
        self.contract = contract
        axes = AxisPage.objects.child_of(contract).order_by("path")
        self.axes_by_path = {axis.path: axis for axis in axes}
        self.axes = {}
        for axis in axes:
            self.axes.setdefault(axis_key(axis), axis)
        organisations = Organisation.objects.filter(locale_id=contract.locale_id).order_by("pk")
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.organisations_by_name = {}
        for organisation in organisations:
            for name in (organisation.acronym, organisation.name):
                if name:
                    self.organisations_by_name.setdefault(search_key(name), organisation.pk)
        self.publics = {public.pk: public for public in TargetPublic.objects.all()}
        territory = list(contract.communes.only("name", "insee_code"))
        self.communes = {commune.pk: commune for commune in territory}
        self.territory_by_name = {}
        for commune in territory:
            self.territory_by_name.setdefault(search_key(commune.name), []).append(commune)

    def load_communes(self, ids):
        """Communes outside the territory that actions name (by INSEE code), one query."""
        missing = set(ids) - set(self.communes)
        if missing:
            for commune in Commune.objects.filter(pk__in=missing).only("name", "insee_code"):
                self.communes[commune.pk] = commune


@dataclass
class CurrentAction:
    page: ActionPage  # as in its latest revision
    values: dict


def current_actions(data):
    """The contract's action sheets in tree order, as CurrentAction."""
    pages = (
        ActionPage.objects.descendant_of(data.contract)
        .select_related("latest_revision")
        .prefetch_related(
            "partners",
            "funders",
            Prefetch("indicators"),
            "target_publics",
            "communes",
        )
        .order_by("path")
    )
    actions = []
    for page in pages:
        if page.has_unpublished_changes and page.latest_revision:
            page = page.with_content_json(page.latest_revision.content)
        axis = data.axes_by_path.get(page.path[: -page.steplen])
        if axis is not None:
            actions.append(CurrentAction(page, action_values(page, axis)))
    data.load_communes(pk for action in actions for pk in (action.values["territory"] or ()))
    return actions


def action_values(page, axis):
    return {
        "code": page.code,
        "axis": axis_key(axis),
        "axis_title": axis.title,
        "title": page.title,
        "summary": page.summary,
        "context": html_to_text(page.context),
        "objectives": html_to_text(page.objectives),
        "pilot": page.pilot_id,
        "partners": tuple(
            (partner.organisation_id, partner.role) for partner in page.partners.all()
        ),
        "publics": tuple(sorted(public.pk for public in page.target_publics.all())),
        "territory": (
            None
            if page.whole_territory
            else tuple(sorted(commune.pk for commune in page.communes.all()))
        ),
        "start_date": page.start_date,
        "end_date": page.end_date,
        "recurrence": page.recurrence,
        "status": page.status,
        "budget": page.budget,
        "funders": tuple((funder.organisation_id, funder.amount) for funder in page.funders.all()),
        "indicators": tuple(
            (
                indicator.label,
                indicator.kind,
                indicator.target,
                indicator.value,
                indicator.measured_on,
            )
            for indicator in page.indicators.all()
        ),
        "example_note": page.example_note,
    }
