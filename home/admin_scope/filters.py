"""Filter choices of Wagtail's listings and reports, narrowed to the user's own site.

Wagtail's filters offer every site, workflow, task and user of the install, in the page
explorer, the page search, the forms listing and the reports. django-filter takes, for a
filter's queryset, a callable it calls with the request: set once at startup (apps.py).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.views.reports.audit_logging import (
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
)
from wagtail.models import Page, PageLogEntry, Site, Task, Workflow, WorkflowState

from . import visible_pages


def users(ids):
    User = get_user_model()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def sites(request):
    return Site.objects.filter(root_page__in=visible_pages(request.user))


def page_editors(request):
    pages = visible_pages(request.user)
    return users(PageLogEntry.objects.filter(action="wagtail.edit", page__in=pages).values("user"))


def page_lockers(request):
    return users(visible_pages(request.user).filter(locked=True).values("locked_by"))


def workflows(request):
    return Workflow.objects.filter(workflow_pages__page__in=visible_pages(request.user)).distinct()


def tasks(request):
    return Task.objects.filter(workflow_tasks__workflow__in=workflows(request)).distinct()


def workflow_requesters(request):
    # Workflow states name their page by a text id.
    page_ids = visible_pages(request.user).annotate(text_pk=Cast("pk", CharField()))
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids.values("text_pk"),
    )
    return users(states.values("requested_by"))


NARROWED_CHOICES = [
    (PageFilterSet, "site", sites),
    (PageFilterSet, "edited_by", page_editors),
    (LockedPagesReportFilterSet, "locked_by", page_lockers),
    (WorkflowReportFilterSet, "workflow", workflows),
    (WorkflowReportFilterSet, "requested_by", workflow_requesters),
    (WorkflowTasksReportFilterSet, "workflow", workflows),
    (WorkflowTasksReportFilterSet, "task", tasks),
]


def narrow_filter_choices():
    # Subclasses (explorer, search, forms, page type usage) share their base's filters.
    for filterset, name, choices in NARROWED_CHOICES:
        filterset.base_filters[name].queryset = choices


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail's lists every user with a page log entry; this helper of Wagtail's keeps
        # the users of the log entries this user may see.
        return get_users_for_filter(self.request.user)
