"""« Communes couvertes » in the admin: choose EPCIs, then tick or untick their communes.

The field (cls/communes_field.py) shows only the EPCIs in play, each with all its communes as
check boxes; a search adds an EPCI (from the national list) or a commune. The two views
below answer that search and send one EPCI's check boxes, as HTML fragments rendered
with the widget's own templates: the text stays in French .po files, not in JavaScript.
"""

import re
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter

from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .commune_names import search_key
from .commune_search import search_communes
from .communes_france import epci_choices
from .models import Commune

MAX_RESULTS = 8
MIN_QUERY_LENGTH = 2
FIELD_NAME = re.compile(r"^[\w-]{1,100}$")


@dataclass
class CommuneGroup:
    """An EPCI and its communes, or a commune that belongs to none."""

    key: str  # the EPCI's SIREN, or "commune-<id>"
    name: str
    communes: list = field(default_factory=list)  # [(commune, ticked)]


def commune_groups(ticked_ids, sirens=()):
    """The EPCIs of the ticked communes and those of `sirens`, each with all its communes
    in name order; a ticked commune without EPCI is a group of its own. One query."""
    ticked_ids, sirens = set(ticked_ids), [siren for siren in sirens if siren]
    ticked_epcis = (
        Commune.objects.filter(pk__in=ticked_ids).exclude(epci_siren="").values("epci_siren")
    )
    communes = (
        Commune.objects.filter(
            Q(epci_siren__in=ticked_epcis) | Q(epci_siren__in=sirens) | Q(pk__in=ticked_ids)
        )
        .only("name", "insee_code", "epci_siren", "epci_name")
        .order_by("epci_siren", "name", "insee_code")
    )
    groups = []
    for siren, members in groupby(communes, key=attrgetter("epci_siren")):
        if siren:
            members = list(members)
            ticks = [(commune, commune.pk in ticked_ids) for commune in members]
            groups.append(CommuneGroup(siren, members[0].epci_name, ticks))
        else:  # only ticked communes have no EPCI here
            groups.extend(
                CommuneGroup(
                    f"commune-{commune.pk}",
                    _("%(name)s, sans intercommunalité") % {"name": commune.name},
                    [(commune, True)],
                )
                for commune in members
            )
    return sorted(groups, key=lambda group: search_key(group.name))


@require_GET
def search_view(request):
    """The EPCIs and communes matching what the editor typed, as buttons that add them."""
    query = request.GET.get("q", "").strip()[:100]
    if len(query) < MIN_QUERY_LENGTH:
        query = ""  # nothing to show yet
    epcis = epci_choices(query, limit=MAX_RESULTS)
    communes = search_communes(Commune.objects.all(), query)
    return TemplateResponse(
        request,
        "cls/widgets/communes_picker_results.html",
        {"query": query, "epcis": epcis, "communes": list(communes[:MAX_RESULTS])},
    )


@require_GET
def group_view(request):
    """One EPCI's check boxes: `epci` (all ticked with `all=1`), or the group of `commune`
    with only that commune ticked. `name`: the form field's name."""
    name = request.GET.get("name", "")
    if not FIELD_NAME.match(name):
        return HttpResponseBadRequest()
    commune_id = request.GET.get("commune", "")
    commune = Commune.objects.filter(pk=int(commune_id)).first() if commune_id.isdigit() else None
    siren = request.GET.get("epci") or (commune.epci_siren if commune else "")
    if siren:
        ticked = {commune.pk} if commune else set()
        if request.GET.get("all"):
            ticked = set(Commune.objects.filter(epci_siren=siren).values_list("pk", flat=True))
        groups = commune_groups(ticked, [siren])
    else:
        groups = commune_groups({commune.pk}) if commune else []
    if not groups:
        raise Http404
    return TemplateResponse(
        request, "cls/widgets/communes_picker_group.html", {"group": groups[0], "name": name}
    )


urlpatterns = [
    path("recherche/", search_view, name="search"),
    path("intercommunalite/", group_view, name="group"),
]
