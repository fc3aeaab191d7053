from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz
from home import views as home_views
from home.admin_scope import urls as admin_scope_urls
from home.sitemap import sitemap
from search import views as search_views

urlpatterns = [
    # Before Wagtail's own routes: views narrowed to the editor's own site.
    path(settings.WAGTAIL_ADMIN_PATH, include(admin_scope_urls)),
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# French pages have no prefix; English ones live under /en/.
urlpatterns += i18n_patterns(
    path("recherche/", search_views.search, name="search"),
    # Pages (Wagtail's serve pattern, but not Wagtail's own "_util/" views).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
