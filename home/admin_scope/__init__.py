"""What of the admin each user may see: a site's editors and moderators, their own site only.

One install serves several sites. Wagtail checks permissions before anything is changed,
but some of its views, its admin API, bulk-action confirmations and reports show objects
they look up by number or list whole: this package narrows each of them to what the user
may work on. Administrators (superusers) see everything.

- pages: those the user may explore (their site's tree, and its ancestors);
- documents, images and collections: those of the collections the user has a permission
  on (home/site_groups.py gives each site's groups its own collection);
- a model that says so itself, with a `visible_to(user)` class method (contact cards);
- any other model: all of it with a permission on the model, else nothing.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

MEDIA_ACTIONS = ["add", "change", "choose", "delete"]
MODEL_ACTIONS = ["add", "change", "delete", "view"]


def visible_pages(user):
    return PagePermissionPolicy().explorable_instances(user)


def visible_collections(user):
    """Collections the user works in, through their document or image permissions."""
    collections = Collection.objects.none()
    for model in (get_document_model(), get_image_model()):
        policy = policy_registry.get_by_type(model)
        collections |= policy.collections_user_has_any_permission_for(user, MEDIA_ACTIONS)
    return collections


def visible_instances(model, user):
    """The instances of `model` the user may see in the admin."""
    instances = model._default_manager.all()
    if user.is_active and user.is_superuser:
        return instances
    if issubclass(model, Page):
        return instances.filter(pk__in=visible_pages(user).values("pk"))
    if issubclass(model, Collection):
        return instances.filter(pk__in=visible_collections(user).values("pk"))
    if issubclass(model, (get_document_model(), get_image_model())):
        return instances.filter(collection__in=visible_collections(user).values("pk"))
    if hasattr(model, "visible_to"):
        return model.visible_to(user)
    opts = model._meta
    if any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in MODEL_ACTIONS
    ):
        return instances
    return instances.none()


def may_see(user, model, pk):
    return visible_instances(model, user).filter(pk=pk).exists()


def works_on_a_site(user):
    """Whether the user has rights on some pages or collections (a site's staff)."""
    return (
        user.is_superuser
        or GroupPagePermission.objects.filter(group__user=user).exists()
        or GroupCollectionPermission.objects.filter(group__user=user).exists()
    )
