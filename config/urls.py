from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import password_views
from config.health import healthz
from home import views as home_views
from home.admin_scope import urls as admin_scope_urls
from home.sitemap import sitemap
from search import views as search_views

urlpatterns = [
    # Before Wagtail's own routes: views narrowed to the editor's own site.
    path(settings.WAGTAIL_ADMIN_PATH, include(admin_scope_urls)),
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    # Before Wagtail's own route: wrong passwords are counted (config/password_views.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        password_views.collection_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("theme/<str:fingerprint>.css", home_views.site_theme, name="site_theme"),
    path("robots.txt", home_views.robots_txt),
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
    # Wagtail's "_util/" views: the password of a private page, counted; no login form
    # outside the admin, whose login page signs visitors in for private pages too.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        RedirectView.as_view(url=settings.WAGTAIL_FRONTEND_LOGIN_URL, query_string=True),
        name="wagtailcore_login",
    ),
    # Pages (Wagtail's serve pattern).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
