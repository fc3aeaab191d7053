from wagtail.views import serve as wagtail_serve

from home.routing import route_for_request


def serve(request, path):
    """Wagtail's page view, given a page found by home.routing in fewer queries."""
    # Wagtail's serve() reads the route from this attribute when it is already set.
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)
