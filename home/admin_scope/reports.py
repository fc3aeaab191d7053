"""The site history report, with the users of the user's own site only (filters.py)."""

from wagtail.admin.views.reports.audit_logging import LogEntriesView

from .filters import SiteHistoryFilterSet


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet
