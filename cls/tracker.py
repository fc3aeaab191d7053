"""The action tracker of a contract ("Suivi des actions"): filters, progress, roll-up.

The page, the CSV and the JSON export share `tracked_actions`, so an export always
holds exactly the rows the visitor sees with the same filters.
"""

from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import ActionPage, ActionStatus, AxisPage, Commune, ContractPage, TargetPublic
from .numbers import parse_number


class TrackerFilterForm(forms.Form):
    """A plain GET form: the URL of a filtered list can be shared or bookmarked."""

    axe = forms.ChoiceField(label=_("Axe"), required=False)
    etat = forms.ChoiceField(label=_("État d'avancement"), required=False)
    public = forms.ChoiceField(label=_("Public cible"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)

    def __init__(self, data, *, axes, communes):
        super().__init__(data)
        self.fields["axe"].choices = [
            ("", _("Tous les axes")),
            *((axis.slug, axis_label(axis)) for axis in axes),
        ]
        self.fields["etat"].choices = [("", _("Tous les états")), *ActionStatus.choices]
        self.fields["public"].choices = [
            ("", _("Tous les publics")),
            *((public.code, str(public)) for public in TargetPublic.objects.all()),
        ]
        self.fields["commune"].choices = [
            ("", _("Toutes les communes")),
            *((commune.insee_code, commune.name) for commune in communes),
        ]

    @property
    def filters(self):
        """The valid filters only: an unknown value in a URL is ignored, not an error."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def axis_label(axis):
    return f"{axis.label} – {axis.title}" if axis.label else axis.title


@dataclass
class IndicatorProgress:
    indicator: object
    reached: bool | None  # None: no numeric value and target to compare
    percent: int | None


def indicator_progress(indicator):
    target, value = parse_number(indicator.target), parse_number(indicator.value)
    if target is None or value is None:
        return IndicatorProgress(indicator, None, None)
    percent = min(100, round(value * 100 / target)) if target > 0 else None
    return IndicatorProgress(indicator, value >= target, percent)


@dataclass
class TrackedAction:
    page: ActionPage
    axis: AxisPage
    indicators: list

    @property
    def indicators_reached(self):
        return sum(1 for progress in self.indicators if progress.reached)


def contract_axes(contract):
    return list(AxisPage.objects.live().public().child_of(contract).order_by("path"))


def contract_communes(contract):
    """The communes of the territory and those named by the contract's actions."""
    territory = ContractPage.communes.through.objects.filter(contractpage=contract)
    named = ActionPage.communes.through.objects.filter(actionpage__path__startswith=contract.path)
    return list(
        Commune.objects.filter(
            Q(pk__in=territory.values("commune")) | Q(pk__in=named.values("commune"))
        )
        .only("insee_code", "name")
        .order_by("name")
    )


def actions_in_commune(actions, insee_code, covering_contracts):
    """Actions "in" a commune: the whole-territory actions of the contracts whose territory
    includes it, and the actions that name it among their communes."""
    naming = ActionPage.communes.through.objects.filter(commune__insee_code=insee_code)
    named = Q(pk__in=naming.values("actionpage"))
    whole_territory = [Q(path__startswith=contract.path) for contract in covering_contracts]
    if whole_territory:
        return actions.filter(named | (Q(whole_territory=True) & reduce(or_, whole_territory)))
    return actions.filter(named)


def tracked_actions(contract, axes, filters):
    """The live, public actions of the contract's live axes, filtered, in tree order."""
    actions = (
        ActionPage.objects.live()
        .public()
        .descendant_of(contract)
        .select_related("pilot")
        .prefetch_related("target_publics", "indicators", "communes")
        .defer_streamfields()
        .order_by("path")
    )
    axes_by_path = {axis.path: axis for axis in axes}
    if slug := filters.get("axe"):
        chosen = [axis for axis in axes if axis.slug == slug]
        actions = actions.filter(path__startswith=chosen[0].path) if chosen else actions.none()
    if status := filters.get("etat"):
        actions = actions.filter(status=status)
    if code := filters.get("public"):
        actions = actions.filter(target_publics__code=code)
    if insee_code := filters.get("commune"):
        covers = contract.communes.filter(insee_code=insee_code).exists()
        actions = actions_in_commune(actions, insee_code, [contract] if covers else [])
    rows = []
    for action in actions:
        axis = axes_by_path.get(action.path[: -ActionPage.steplen])
        if axis is not None:  # an action under an unpublished or private axis stays hidden
            indicators = [indicator_progress(item) for item in action.indicators.all()]
            rows.append(TrackedAction(action, axis, indicators))
    return rows


@dataclass
class AxisRollup:
    axis: AxisPage
    count: int
    statuses: list  # (status value, label, count), in ActionStatus order, non-zero only
    indicators_reached: int
    indicators_total: int


def rollup(axes, rows):
    """Per axis: actions by status, and indicators reached out of all indicators."""
    result = []
    for axis in axes:
        axis_rows = [row for row in rows if row.axis is axis]
        counts = Counter(row.page.status for row in axis_rows)
        result.append(
            AxisRollup(
                axis=axis,
                count=len(axis_rows),
                statuses=[
                    (value, label, counts[value])
                    for value, label in ActionStatus.choices
                    if counts[value]
                ],
                indicators_reached=sum(row.indicators_reached for row in axis_rows),
                indicators_total=sum(len(row.indicators) for row in axis_rows),
            )
        )
    return result


def tracker_data(contract, request):
    """Everything the tracker page and its exports need, in a fixed number of queries."""
    axes = contract_axes(contract)
    communes = contract_communes(contract)
    form = TrackerFilterForm(request.GET, axes=axes, communes=communes)
    filters = form.filters
    rows = tracked_actions(contract, axes, filters)
    return {"filter_form": form, "filters": filters, "rows": rows, "axes": axes}
