"""A whole-page cache for anonymous visitors, emptied by content changes.

Each cached page is keyed by host, language and path, and by two generation
numbers: the site's and a global one. Publishing, unpublishing, moving or deleting
a page bumps its site's generation; saving a snippet, a document, an image or the
settings bumps the global one. A bump makes every older key unreachable at once, so
an axis page never outlives a change of one of its actions, and several servers
sharing the cache (Redis) agree without any purge list.
"""

import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GLOBAL_GENERATION = "page-cache:generation"
# Shared content shown across pages and sites: any change empties every site's cache.
SHARED_CONTENT_MODELS = [
    "cls.Organisation",
    "cls.Commune",
    "cls.TargetPublic",
    "cls.SiteDocument",
    "contacts.ContactCard",
    "home.SiteSettings",
    "wagtailimages.Image",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # Making a page or a collection private must withdraw it from the cache at once.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
]


def site_generation_key(hostname):
    return f"page-cache:generation:{hostname}"


def first_generation():
    # Random rather than 0: after the shared cache is emptied (Redis restarted), versions
    # start anew and must not meet what processes still remember of the old ones.
    return secrets.randbits(48)


def bump(key):
    cache.add(key, first_generation(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, first_generation(), timeout=None)


def invalidate_page(page):
    site = page.get_site()
    # Pages of a translated tree have no site of their own: empty everything.
    bump(site_generation_key(site.hostname) if site else GLOBAL_GENERATION)


def invalidate_all():
    bump(GLOBAL_GENERATION)


def content_version(request):
    """The generations the current content of the request's site is known by (read once)."""
    if not hasattr(request, "_content_version"):
        hostname = request.get_host().split(":")[0]
        site_key = site_generation_key(hostname)
        generations = cache.get_many([GLOBAL_GENERATION, site_key])
        for key in {GLOBAL_GENERATION, site_key} - generations.keys():
            cache.add(key, first_generation(), timeout=None)
            generations[key] = cache.get(key)
        request._content_version = f"{generations[GLOBAL_GENERATION]}:{generations[site_key]}"
    return request._content_version


def page_cache_key(request):
    return ":".join(
        [
            "page-cache:page",
            content_version(request),
            get_language() or "",
            request.get_host(),
            request.path,
        ]
    )


def cached_site_data(request, name, build):
    """What every page of a site shows (menu, footer links…), rebuilt after a content change.

    Kept per site, language and content version, like whole pages, but also used when the
    page itself cannot be cached (logged-in editors, forms): `build()` runs once per change.
    What it returns is not kept when it is None.
    """
    if request is None:
        return build()
    known = request.__dict__.setdefault("_site_data", {})
    if name not in known:
        key = ":".join(
            ["site-data", name, content_version(request), get_language() or "", request.get_host()]
        )
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
        key = page_cache_key(request)
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


def on_page_change(sender, instance, **kwargs):
    invalidate_page(instance)
    if settings.WAGTAILFRONTENDCACHE:
        # Wagtail's frontend_cache purges the published page from the CDN; the pages
        # listing it (its axis, contract, home page) show it too.
        purge_pages_from_cache(instance.get_ancestors().live().filter(depth__gt=1))


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_all()  # its site can no longer be found from a deleted page


def on_shared_content_change(sender, **kwargs):
    invalidate_all()


def connect_invalidation():
    page_published.connect(on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="page_cache_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="page_cache_deleted")
    for label in SHARED_CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_shared_content_change, sender=model, dispatch_uid=f"pc_{label}")
        post_delete.connect(on_shared_content_change, sender=model, dispatch_uid=f"pcd_{label}")
