"""Absolute URLs given out: sitemap, feeds, calendars, hreflang alternates, open data.

They are made from the Site's configured hostname and port (Wagtail's Site.root_url),
never from the request's Host header, whose port anyone may change: Django checks
ALLOWED_HOSTS against the name only. Wagtail writes https:// only for sites on port
443; behind the TLS-terminating proxy the request is secure (SECURE_PROXY_SSL_HEADER),
so the links say https:// too. (E-mails take WAGTAILADMIN_BASE_URL, a setting.)
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def secure_root_url(root_url, request):
    """A site's root URL ("http://host", "http://host:8000"), https:// for a secure request."""
    if request is None or not request.is_secure() or root_url.startswith("https://"):
        return root_url
    parts = urlsplit(root_url)
    port = "" if parts.port in (None, 80) else f":{parts.port}"
    return f"https://{parts.hostname}{port}"


def full_url(request, page):
    """`page.get_full_url(request)`, https:// behind the TLS proxy; None if not routable."""
    url_parts = page.get_url_parts(request)
    if url_parts is None or url_parts[1] is None:
        return None
    _site_id, root_url, page_path = url_parts
    return secure_root_url(root_url, request) + page_path


def site_url(request, path):
    """`path` on the request's site, as an absolute URL (a feed's own address)."""
    return secure_root_url(Site.find_for_request(request).root_url, request) + path
