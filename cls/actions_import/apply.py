"""A plan without errors → the contract's pages, all in one transaction.

Each created or changed action is saved as a new revision by the editor (its history
shows it), then, as the editor chose: left as a draft, submitted to the site's moderation
workflow, or published. Missing axes and organisations are created first.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from cls.models import (
    ActionFunder,
    ActionIndicator,
    ActionPage,
    AxisPage,
    Commune,
    Organisation,
    TargetPublic,
)
from cls.models.action import ActionPartner

from .cells import text_to_html
from .current import TRANSVERSAL_AXIS, axis_key
from .fields import NEW
from .validation import CREATE, UNCHANGED

DRAFT, SUBMIT, PUBLISH = "draft", "submit", "publish"


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0


def apply_plan(plan, user, mode):
    """Write the plan; the outcome counts what was created and updated.

    Wagtail updates a page's reference index (its links to documents, organisations…)
    in a task after every save, the page's and each of its indicators', partners'…:
    a dozen times per action. Here it is updated once per page, at the end.
    """
    with transaction.atomic(), disable_reference_index_auto_update():
        outcome, saved = write_pages(plan, user, mode)
    for page in saved:
        update_reference_index_task.enqueue(
            page._meta.app_label, page._meta.model_name, str(page.pk)
        )
    return outcome


def write_pages(plan, user, mode):
    contract = plan.contract
    organisations = create_organisations(plan.new_organisations, contract.locale)
    saved = create_axes(plan.new_axes, contract, user, mode)
    axes = axes_of(contract)
    references = References(plan, organisations)
    outcome = Outcome()
    for action in plan.actions:
        if action.outcome == UNCHANGED:
            continue
        axis = axes[action.values["axis"]]
        if action.outcome == CREATE:
            page = ActionPage(title=action.values["title"], live=False, owner=user)
            page.slug = find_available_slug(axis, slugify(f"{action.code} {page.title}")[:200])
            fill(page, action.values, references)
            axis.add_child(instance=page)
            outcome.created += 1
        else:
            if action.page.path[: -action.page.steplen] != axis.path:
                action.page.move(axis, pos="last-child", user=user)
            # Read again: the plan's copy holds prefetched relations, and the move's new path.
            page = ActionPage.objects.get(pk=action.page.pk).get_latest_revision_as_object()
            fill(page, {key: action.values[key] for key in action.changed}, references)
            outcome.updated += 1
        save(page, user, mode)
        saved.append(page)
    return outcome, saved


def save(page, user, mode):
    revision = page.save_revision(user=user, log_action=True)
    if mode == PUBLISH:
        revision.publish(user=user)
    elif mode == SUBMIT and not page.workflow_in_progress:
        workflow = page.get_workflow()
        if workflow:
            workflow.start(page, user)


def axes_of(contract):
    """Axes by key; of two axes with one number, the first in the tree, as in current.py."""
    return {axis_key(axis): axis for axis in AxisPage.objects.child_of(contract).order_by("-path")}


def create_axes(new_axes, contract, user, mode):
    created = []
    for key, title in new_axes.items():
        axis = AxisPage(
            title=title,
            number=key if isinstance(key, int) else None,
            is_transversal=key == TRANSVERSAL_AXIS,
            live=False,
            owner=user,
        )
        axis.slug = find_available_slug(contract, slugify(title)[:200] or "axe")
        contract.add_child(instance=axis)
        save(axis, user, mode)
        created.append(axis)
    return created


def create_organisations(new_organisations, locale):
    return {
        key: Organisation.objects.create(name=name, locale=locale).pk
        for key, name in new_organisations.items()
    }


class References:
    """What the values name by number, as the model instances modelcluster keeps in a
    revision (given numbers, it would write many-to-many relations to the database)."""

    def __init__(self, plan, new_organisations):
        self.new_organisations = new_organisations
        self.publics = TargetPublic.objects.in_bulk()
        commune_ids = {
            pk for action in plan.changes for pk in (action.values.get("territory") or ())
        }
        self.communes = Commune.objects.only("name").in_bulk(commune_ids)

    def organisation(self, reference):
        if str(reference).startswith(NEW):
            return self.new_organisations[reference]
        return reference


def fill(page, values, references):
    """Set the page's fields from the parsed values (only those given)."""
    simple = (
        "code",
        "title",
        "summary",
        "start_date",
        "end_date",
        "recurrence",
        "status",
        "budget",
        "example_note",
    )
    for key in simple:
        if key in values:
            setattr(page, key, values[key])
    for key in ("context", "objectives"):
        if key in values:
            setattr(page, key, text_to_html(values[key]))
    if "pilot" in values:
        page.pilot_id = values["pilot"] and references.organisation(values["pilot"])
    if "partners" in values:
        page.partners = [
            ActionPartner(organisation_id=references.organisation(ref), role=role)
            for ref, role in values["partners"]
        ]
    if "funders" in values:
        page.funders = [
            ActionFunder(organisation_id=references.organisation(ref), amount=amount)
            for ref, amount in values["funders"]
        ]
    if "publics" in values:
        page.target_publics = [references.publics[pk] for pk in values["publics"]]
    if "territory" in values:
        page.whole_territory = values["territory"] is None
        page.communes = [references.communes[pk] for pk in values["territory"] or ()]
    if "indicators" in values:
        page.indicators = [
            ActionIndicator(label=label, kind=kind, target=target, value=value, measured_on=date)
            for label, kind, target, value, date in values["indicators"]
        ]
