""" "Ma commune": find a commune by name or postcode, and what the site's contracts do there."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .commune_codes import INSEE_CODE
from .commune_names import search_key
from .commune_search import name_starts_with
from .models import ActionEvent, ActionPage, Commune, ContractPage
from .models.action import action_cards
from .tracker import actions_in_commune

MAX_QUERY_LENGTH = 100
MAX_SUGGESTIONS = 30


@dataclass
class Matches:
    exact: list = field(default_factory=list)  # the name or postcode typed, exactly
    suggestions: list = field(default_factory=list)  # names starting with the words typed

    @property
    def single(self):
        """The commune to open at once, if the search found only one."""
        return self.exact[0] if len(self.exact) == 1 and not self.suggestions else None


def site_contracts(finder):
    """The live, public contracts of the finder's site and language (its siblings)."""
    return ContractPage.objects.live().public().sibling_of(finder, inclusive=False)


def example_commune(contracts):
    """The most populated commune of these contracts' territory: the search field's hint
    names a commune the site's visitors know."""
    return (
        Commune.objects.filter(contracts__in=contracts.values("pk"))
        .order_by(F("population").desc(nulls_last=True), "name")
        .first()
    )


def find_communes(query, contracts):
    """Communes matching a name (accents, case, hyphens ignored), a postcode or an INSEE
    code; those covered by `contracts` first: a name shared by communes of France (8
    Saint-Hilaire) opens the one they cover, and a name found only elsewhere is listed
    with the covered communes it suggests. Names are compared through the indexed
    search_name column (equality, prefix): the same on SQLite and PostgreSQL."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    covered = ContractPage.communes.through.objects.filter(
        commune=OuterRef("pk"), contractpage__in=contracts.values("pk")
    )
    communes = Commune.objects.annotate(covered=Exists(covered)).order_by(
        "-covered", "name", "insee_code"
    )
    code = query.replace(" ", "").upper()
    if INSEE_CODE.match(code):  # a postcode, or else an INSEE code (11069, 2A004)
        by_postcode = [
            commune
            for commune in communes.filter(postcodes__contains=code)
            if code in commune.postcode_list
        ]
        return Matches(exact=by_postcode or list(communes.filter(insee_code=code)))
    key = search_key(query)
    if not key:
        return Matches()
    exact = list(communes.filter(search_name=key)[:MAX_SUGGESTIONS])
    local = [commune for commune in exact if commune.covered]
    if len(local) == 1:
        return Matches(exact=local)  # the visitor goes straight to its page
    # "hilaire" also suggests "Saint-Hilaire": a word of the name starting with the query.
    suggestions = list(
        communes.filter(name_starts_with(key)).exclude(search_name=key)[:MAX_SUGGESTIONS]
    )
    # Colombe (Isère) opens at once, unless the site has a Sainte-Colombe to offer first.
    if len(exact) == 1 and not any(commune.covered for commune in suggestions):
        return Matches(exact=exact)
    return Matches(exact=exact, suggestions=suggestions)


def commune_context(finder, commune, request):
    """Coverage, actions (as cards), upcoming events and contact for one commune, in fixed
    queries."""
    covers = ContractPage.communes.through.objects.filter(
        contractpage=OuterRef("pk"), commune=commune
    )
    contracts = list(
        site_contracts(finder)
        .annotate(covers=Exists(covers))
        .select_related("contact__organisation", "contact__photo")
        .defer_streamfields()
        .order_by("path")
    )
    covering = [contract for contract in contracts if contract.covers]
    site_actions = ActionPage.objects.none()
    if contracts:
        site_actions = (
            ActionPage.objects.live()
            .public()
            .filter(reduce(or_, [Q(path__startswith=contract.path) for contract in contracts]))
        )
    actions = action_cards(
        actions_in_commune(site_actions, commune.insee_code, covering).order_by("path"), request
    )
    contact_contract = next(
        (contract for contract in [*covering, *contracts] if contract.contact_id), None
    )
    return {
        "commune": commune,
        "covering_contracts": covering,
        "actions": actions,
        "events": upcoming_events(commune, site_actions, actions),
        "contact": contact_contract.contact if contact_contract else None,
    }


def upcoming_events(commune, site_actions, actions):
    """Events held in the commune, and territory-wide events (no commune given) of the
    actions there; ongoing ones included (end not passed)."""
    here = Q(commune=commune, page__in=site_actions.values("pk")) | Q(
        commune__isnull=True, page__in=[action.pk for action in actions]
    )
    return list(
        ActionEvent.objects.annotate(finish=Coalesce("end", "start"))
        .filter(here, finish__gte=timezone.now())
        .select_related("page", "commune")
        .order_by("start")
    )
