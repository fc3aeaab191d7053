"""Admin routes answered before Wagtail's own (config/urls.py), decorated as Wagtail's are."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .bulk_actions import bulk_action
from .choosers import SitePageBrowseView
from .reports import SiteHistoryView

urlpatterns = [
    path("choose-page/<int:parent_page_id>/", SitePageBrowseView.as_view()),
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action),
    path("reports/site-history/", SiteHistoryView.as_view()),
    path("reports/site-history/results/", SiteHistoryView.as_view(results_only=True)),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, display_custom_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
