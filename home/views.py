from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.views import serve as wagtail_serve

from home.identity import favicon_bytes
from home.models import SiteSettings
from home.page_cache import cached_site_data
from home.routing import route_for_request

A_YEAR = 365 * 24 * 3600
A_DAY = 24 * 3600


def serve(request, path):
    """Wagtail's page view, given a page found by home.routing in fewer queries."""
    # Wagtail's serve() reads the route from this attribute when it is already set.
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)


@require_safe
def site_theme(request, fingerprint):
    """The site's colours as custom properties: a stylesheet, since the CSP forbids inline
    styles. Its URL names its content, so browsers keep it for a year; an old URL (a page
    cached before a change) gets the current colours, kept briefly."""
    theme = SiteSettings.for_request(request).theme
    response = HttpResponse(theme.stylesheet(), content_type="text/css; charset=utf-8")
    current = fingerprint == theme.fingerprint
    response["Cache-Control"] = f"public, max-age={A_YEAR}, immutable" if current else "no-cache"
    return response


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for on every site: made from the logo, or the site's
    initial on its main colour; never a 404."""
    site_settings = SiteSettings.for_request(request)
    icon = cached_site_data(request, "favicon", lambda: favicon_bytes(site_settings))
    response = HttpResponse(icon, content_type="image/x-icon")
    response["Cache-Control"] = f"public, max-age={A_DAY}"
    return response


def robots_txt(request):
    """Crawlers may read every public page, listed by the sitemap of the site asked for. The
    admin is not named: its path may be kept private (WAGTAIL_ADMIN_PATH), and it needs a
    login anyway."""
    lines = [
        "User-agent: *",
        "Disallow:",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
