"""Generations of a contract (CLS 1 → CLS 2 → CLS 3) and actions carried over between them."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page

from home.page_cache import cached_site_data
from home.routing import localized_root
from home.visibility import exclude_private


def site_has_generations(request):
    """Whether a contract or an action of the request's site continues an earlier one.

    Kept with the site's cached data: most sites have a single contract, and their pages
    then need not look for other generations.
    """
    from .action import ActionPage
    from .contract import ContractPage

    root = localized_root(request) if request is not None else None
    if root is None:
        return True

    def build():
        below_root = Q(path__startswith=root.path)
        return (
            ContractPage.objects.filter(below_root, previous_generation__isnull=False).exists()
            or ActionPage.objects.filter(below_root, carried_over_from__isnull=False).exists()
        )

    return cached_site_data(request, "has-generations", build)


def generation_rank(contract, by_pk):
    """How many earlier generations of this contract are in `by_pk` (cycles stop the count)."""
    rank, seen = 0, {contract.pk}
    while contract.previous_generation_id in by_pk and contract.previous_generation_id not in seen:
        contract = by_pk[contract.previous_generation_id]
        seen.add(contract.pk)
        rank += 1
    return rank


def in_generation_order(contracts):
    """Oldest generation first: each contract after the one it extends, then by start date."""
    by_pk = {contract.pk: contract for contract in contracts}
    return sorted(
        contracts,
        key=lambda contract: (
            generation_rank(contract, by_pk),
            contract.start_date is None,
            contract.start_date,
            contract.path,
        ),
    )


def neighbour_generations(contract, request):
    """The contract's previous generation and its next ones, in the contract's language.

    Followed by translation key, like `carried_over_links`: the English CLS 2, whose
    link was synchronised from the French one, finds the English CLS 1; a generation not
    (yet) translated is shown in its own language. One query, none on a site without
    generations.
    """
    from .contract import ContractPage

    if not contract.previous_generation_id and not site_has_generations(request):
        return None, []
    previous = ContractPage.objects.filter(pk=contract.previous_generation_id)
    neighbours = (
        exclude_private(ContractPage.objects.live(), request)
        .filter(
            Q(translation_key__in=previous.values("translation_key"))
            | Q(previous_generation__translation_key=contract.translation_key)
        )
        .annotate(is_previous=Exists(previous.filter(translation_key=OuterRef("translation_key"))))
        .order_by("path")
    )
    chosen = {}
    for neighbour in neighbours:
        if neighbour.translation_key not in chosen or neighbour.locale_id == contract.locale_id:
            chosen[neighbour.translation_key] = neighbour
    previous_one = next((page for page in chosen.values() if page.is_previous), None)
    return previous_one, [page for page in chosen.values() if not page.is_previous]


def carried_over_links(action, request):
    """The same action in the previous and the next generations, in the action's language.

    One query whatever the number of links. Each linked action carries `generation`, its
    contract's generation label. Links are followed by translation key: the English CLS 2
    action, whose link was synchronised from the French one, finds the English CLS 1 action.
    """
    from .action import ActionPage
    from .contract import ContractPage

    links = {"previous": None, "next": []}
    if not action.carried_over_from_id and not site_has_generations(request):
        return links
    linked = Q(carried_over_from__translation_key=action.translation_key)
    if action.carried_over_from_id:
        source = ActionPage.objects.filter(pk=action.carried_over_from_id)
        linked |= Q(translation_key__in=source.values("translation_key"))
    # An action sits under an axis, under its contract (parent_page_types): two levels up.
    contract = ContractPage.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 2) * Page.steplen)
    )
    actions = (
        exclude_private(ActionPage.objects.live(), request)
        .filter(linked, locale_id=action.locale_id)
        .select_related("carried_over_from")
        .annotate(generation=Subquery(contract.values("generation_label")[:1]))
        .order_by("path")
    )
    for linked_action in actions:
        source = linked_action.carried_over_from
        if source is not None and source.translation_key == action.translation_key:
            links["next"].append(linked_action)
        else:
            links["previous"] = linked_action
    return links
