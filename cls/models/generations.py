"""Generations of a contract (CLS 1 → CLS 2 → CLS 3) and actions carried over between them."""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from home.visibility import exclude_private


@dataclass
class GenerationLink:
    action: Page
    contract: Page | None


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


def path_prefixes(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def carried_over_links(action, request):
    """The same action in the previous and the next generations, each with its contract.

    Two queries whatever the number of links: the linked live, public actions, then
    their contracts (found among the ancestors by path).
    """
    from .action import ActionPage
    from .contract import ContractPage

    linked = Q(carried_over_from=action)
    if action.carried_over_from_id:
        linked |= Q(pk=action.carried_over_from_id)
    actions = list(exclude_private(ActionPage.objects.live().filter(linked), request))
    contracts = []
    if actions:
        prefixes = {
            prefix for linked_action in actions for prefix in path_prefixes(linked_action.path)
        }
        contracts = list(ContractPage.objects.filter(path__in=prefixes))
    links = [
        GenerationLink(
            linked_action,
            next((c for c in contracts if linked_action.path.startswith(c.path)), None),
        )
        for linked_action in actions
    ]
    previous = next((link for link in links if link.action.pk == action.carried_over_from_id), None)
    return {
        "previous": previous,
        "next": [link for link in links if link is not previous],
    }
