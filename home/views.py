from django.http import HttpResponse
from wagtail.views import serve as wagtail_serve

from home.routing import route_for_request


def serve(request, path):
    """Wagtail's page view, given a page found by home.routing in fewer queries."""
    # Wagtail's serve() reads the route from this attribute when it is already set.
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)


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
