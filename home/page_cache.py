"""A whole-page cache for anonymous visitors, and the site data every page shows.

Both are keyed by the content version of the request's site (home/content_version.py),
so that a change shows at once on every page and every server sharing the cache (Redis)
without any purge list. When the cache is unavailable, pages are built from the database.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from home.content_version import content_version


def page_cache_key(request, version):
    # The version names the site; pages differ by scheme (absolute links, home/absolute_urls.py)
    # but not by the spelling of the host, which would only multiply copies.
    return ":".join(
        ["page-cache:page", version, get_language() or "", request.scheme, request.path]
    )


def cached_site_data(request, name, build):
    """What every page of a site shows (menu, footer links…), rebuilt after a content change.

    Kept per site, language and content version, like whole pages, but also used when the
    page itself cannot be cached (logged-in editors, forms): `build()` runs once per change.
    What it returns is not kept when it is None. Without a version (the cache is down) or
    with SITE_DATA_CACHE_TIMEOUT = 0, it is built once per request.
    """
    if request is None:
        return build()
    known = request.__dict__.setdefault("_site_data", {})
    if name in known:
        return known[name]
    version = content_version(request)
    if version is None or not settings.SITE_DATA_CACHE_TIMEOUT:
        known[name] = build()  # kept for this request only
        return known[name]
    key = ":".join(["site-data", name, version, get_language() or ""])
    known[name] = _recent_site_data.get(key)
    if known[name] is None:
        known[name] = cache.get(key)
        if known[name] is None:
            known[name] = build()
            if known[name] is None:
                return None
            cache.set(key, known[name], settings.SITE_DATA_CACHE_TIMEOUT)
        remember_site_data(key, known[name])
    return known[name]


# Site data of recent content versions, kept by each process too: what the shared cache
# holds, without a round trip and unpickling for each item on every page. The keys carry
# the content version, read from the shared cache once per request, so a change made
# through another server is seen at once. The values are shared between requests: read
# them, never modify them.
_recent_site_data = {}
RECENT_SITE_DATA_LIMIT = 2000


def remember_site_data(key, value):
    if len(_recent_site_data) >= RECENT_SITE_DATA_LIMIT:
        _recent_site_data.clear()  # older versions go; current ones come back one by one
    _recent_site_data[key] = value


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests without query string from the cache when possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if not timeout or not self.is_cacheable_request(request):
            return self.get_response(request)
        # Before the view reads any content (home/content_version.py).
        version = content_version(request)
        if version is None:  # the cache is unavailable
            return self.get_response(request)
        key = page_cache_key(request, version)
        cached = cache.get(key)
        if cached is not None:
            return self.rebuild(cached)
        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            response["Cache-Control"] = self.cache_control()
            cache.set(key, self.freeze(response), timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def cache_control():
        directives = ["public", f"max-age={settings.PAGE_CACHE_BROWSER_SECONDS}"]
        if settings.PAGE_CACHE_CDN_SECONDS:
            directives.append(f"s-maxage={settings.PAGE_CACHE_CDN_SECONDS}")
        return ", ".join(directives)

    @staticmethod
    def is_cacheable_request(request):
        if request.method not in ("GET", "HEAD") or request.GET:
            return False
        if request.path.startswith(settings.PAGE_CACHE_SKIPPED_PATHS):
            return False
        # A session (perhaps logged in) or pending messages: never share such pages.
        return not ({settings.SESSION_COOKIE_NAME, "messages"} & request.COOKIES.keys())

    @staticmethod
    def is_cacheable_response(request, response):
        # This middleware sits inside the CSRF and session ones, which only add their
        # cookie and "Vary: Cookie" later: ask the request whether the page used them.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.session.accessed:
            return False
        vary = response.get("Vary", "")
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies  # a CSRF token, a session: personal
            and "Cookie" not in vary
            and "private" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def freeze(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def rebuild(frozen):
        status, headers, content = frozen
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
