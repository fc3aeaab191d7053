"""Admin URLs that name another site's page, document, image or collection answer 404;
reports on every site at once are for administrators."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.defaults import page_not_found
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from contacts.models import ContactCard

from . import may_see

# The model an admin URL argument names, whatever the view.
ARGUMENT_MODELS = {
    "page_id": Page,
    "parent_page_id": Page,
    "page_to_move_id": Page,
    "destination_id": Page,
    "page_pk": Page,
    "document_id": get_document_model(),
    "doc_id": get_document_model(),
    "image_id": get_image_model(),
    "collection_id": Collection,
}
# The model a `pk` argument names, by the view's namespace.
PK_MODELS = {
    "wagtailadmin_pages": Page,
    "wagtailadmin_api:pages": Page,
    "wagtailadmin_api:documents": get_document_model(),
    "wagtailadmin_api:images": get_image_model(),
    "wagtaildocs_chooser": get_document_model(),
    "wagtailimages_chooser": get_image_model(),
    "wagtailadmin_collections": Collection,
    "wagtailsnippetchoosers_contacts_contactcard": ContactCard,
}

# Views about every site at once, not narrowed to one: administrators only.
ADMINISTRATOR_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    # wagtail-localize's snippet chooser API, for translators: every snippet of a model.
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
# Choosing workflow tasks: for those who manage workflows.
WORKFLOW_MANAGER_NAMESPACE = "wagtailadmin_workflows"
WORKFLOW_MANAGER_VIEWS = ("task_chooser", "task_chosen")


def may_open(user, view_name):
    if view_name in ADMINISTRATOR_VIEWS:
        return user.is_superuser
    namespace, _colon, name = view_name.rpartition(":")
    if namespace == WORKFLOW_MANAGER_NAMESPACE and name.startswith(WORKFLOW_MANAGER_VIEWS):
        return user.has_perm("wagtailcore.add_workflow") or user.has_perm(
            "wagtailcore.change_workflow"
        )
    return True


class AdminScopeMiddleware:
    """Refuse, as not found, an admin view of an object the user may not see.

    Some Wagtail views (move confirmation, workflow cancellation, choosers' "chosen"
    step, the admin API) show an object's title before checking any permission.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_path = "/" + settings.WAGTAIL_ADMIN_PATH

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not request.path.startswith(self.admin_path) or not user.is_authenticated:
            return None
        if user.is_active and user.is_superuser:
            return None
        if not may_open(user, request.resolver_match.view_name):
            raise PermissionDenied
        namespace = request.resolver_match.namespace
        for name, value in view_kwargs.items():
            model = ARGUMENT_MODELS.get(name) or (name == "pk" and PK_MODELS.get(namespace))
            if model and str(value).isdigit() and not may_see(user, model, value):
                return page_not_found(request, None, template_name="wagtailadmin/404.html")
        return None
