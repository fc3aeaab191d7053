"""Bulk actions on the objects the user may see only.

Wagtail's confirmation page lists, by title, every requested object the user may not act
on ("you don't have permission to…"), whatever its site: objects of another site are left
out of both lists, as if they had not been asked for.
"""

from django.apps import apps
from django.http import Http404
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from . import visible_instances


class VisibleObjectsOnly:
    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        refused = context["items_with_no_access"]
        visible = set(
            visible_instances(self.model, self.request.user)
            .filter(pk__in=[item.pk for item in objects + refused])
            .values_list("pk", flat=True)
        )
        objects = [item for item in objects if item.pk in visible]
        refused = [item for item in refused if item.pk in visible]
        return objects, {**context, "items_with_no_access": refused}


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action view (wagtail.admin.views.bulk_action.dispatcher.index)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    scoped_class = type(action_class.__name__, (VisibleObjectsOnly, action_class), {})
    return scoped_class(request, model).dispatch(request)
