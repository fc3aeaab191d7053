"""Per-site editors and moderators, so that one install can host many CLS safely.

Each site gets two groups:
- « Éditeurs <site> »: edit pages under the site's home page and submit them for
  moderation, upload and choose documents and images in the site's collection, edit
  the site's settings (its own, not other sites');
- « Modérateurs <site> »: the same, plus publish, lock and unlock pages and delete
  documents and images; they approve what editors submit.
Neither group sees other sites' pages or collections in the admin. A moderation
workflow on the site's home page routes every editor's submission to its moderators.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    ReferenceIndex,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry

from .models import SiteSettings

EDITOR_PAGE_ACTIONS = ["add", "change"]
MODERATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
EDITOR_MEDIA_ACTIONS = ["add", "change", "choose"]
MODERATOR_MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def model_permissions(model, actions):
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def collection_used_by_site(site):
    """The one collection holding the documents the site's pages use, if there is one."""
    document_model = get_document_model()
    page_ids = Page.objects.descendant_of(site.root_page, inclusive=True).values_list(
        "pk", flat=True
    )
    document_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
        to_content_type=ContentType.objects.get_for_model(document_model),
    ).values_list("to_object_id", flat=True)
    collections = Collection.objects.filter(
        pk__in=document_model.objects.filter(pk__in=list(document_ids)).values("collection"),
        depth__gt=1,
    )
    return collections.first() if collections.count() == 1 else None


def collection_for_site(site, collection_name=None):
    """The named collection, else the one the site already uses, else one named after it."""
    if not collection_name:
        collection = collection_used_by_site(site)
        if collection:
            return collection
    name = collection_name or site.site_name or site.hostname
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def grant(group, site, collection, page_actions, media_actions):
    group.permissions.add(admin_access_permission())
    page = site.root_page
    for permission in model_permissions(Page, page_actions):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for model in (get_document_model(), get_image_model()):
        # Wagtail checks custom document and image models against its own models' permissions.
        auth_model = policy_registry.get_by_type(model).auth_model
        for permission in model_permissions(auth_model, media_actions):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    # On this site only: a site permission (Wagtail's settings view), not the model-wide one.
    for permission in model_permissions(SiteSettings, ["change"]):
        GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)


def enable_moderation(site, moderators):
    """Editors' submissions for this site go to its moderators, and only them."""
    name = site.site_name or site.hostname
    workflow, _created = Workflow.objects.get_or_create(
        name=_("Modération %(site)s") % {"site": name}
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=_("Validation par les modérateurs %(site)s") % {"site": name}
    )
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=site.root_page, defaults={"workflow": workflow})
    return workflow


def site_group_names(site_name):
    """The names of the site's editors' and moderators' groups."""
    return [
        _("Éditeurs %(site)s") % {"site": site_name},
        _("Modérateurs %(site)s") % {"site": site_name},
    ]


def setup_site_groups(site, collection_name=None):
    """Create or complete the site's two groups and its workflow; safe to run again."""
    name = site.site_name or site.hostname
    collection = collection_for_site(site, collection_name)
    editors_name, moderators_name = site_group_names(name)
    editors, _created = Group.objects.get_or_create(name=editors_name)
    moderators, _created = Group.objects.get_or_create(name=moderators_name)
    grant(editors, site, collection, EDITOR_PAGE_ACTIONS, EDITOR_MEDIA_ACTIONS)
    grant(moderators, site, collection, MODERATOR_PAGE_ACTIONS, MODERATOR_MEDIA_ACTIONS)
    enable_moderation(site, moderators)
    return editors, moderators, collection
