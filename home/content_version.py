"""Content versions: what lets whole pages and site data be cached, yet never served stale.

Everything cached for a site (pages, menus, routes…) is keyed by its content version: a
global generation, which changes with shared content (snippets, documents, settings,
sites, privacy), and the generation of the site the request is served from, which
changes with the site's pages (home/invalidation.py says which change bumps which). A
bump makes every older key unreachable at once, in every process sharing the cache.

Two rules keep a visitor from storing old content under a new version:
- a generation is bumped after the editor's transaction commits, never inside it (a
  visitor in between would read the new version and still the old content);
- a request reads its version before it reads any content it may cache (first thing in
  the page cache middleware), so what it reads afterwards is at least that new.

The site is the one Wagtail serves the request from, whatever the spelling of the Host
header (port, case, trailing dot, or an unknown host answered by the default site).
"""

import secrets

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

from config.redis_cache import cache_recovered

GLOBAL_KEY = "content-version:global"


def site_key(site_id):
    return f"content-version:site:{site_id}"


def first_generation():
    # Random rather than 0: after the shared cache is emptied (Redis restarted), versions
    # start anew and must not meet what processes still remember of the old ones.
    return secrets.randbits(48)


def bump(key):
    cache.add(key, first_generation(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr, or the cache is unavailable
        cache.set(key, first_generation(), timeout=None)


def bump_after_commit(keys):
    """Bump these generations once the current transaction commits (at once without one)."""
    keys = set(keys)

    def bump_all():
        # Wagtail empties its own cache of the sites' root paths when a site or a root
        # page changes, but inside the transaction: a visitor may have refilled it since.
        Site.clear_site_root_paths_cache()
        for key in keys:
            bump(key)

    transaction.on_commit(bump_all, robust=True)


def site_keys_for_paths(url_paths):
    """The generation keys of the sites (in any of their languages) the url_paths are in."""
    return {
        site_key(root.site_id)
        for root in Site.get_site_root_paths()
        for url_path in url_paths
        if url_path and url_path.startswith(root.root_path)
    }


def on_cache_recovered(sender, **kwargs):
    # Changes made while the cache was unreachable could not bump their generation.
    bump(GLOBAL_KEY)


cache_recovered.connect(on_cache_recovered, dispatch_uid="content_version_cache_recovered")


def content_version(request):
    """The version of the content of the request's site, or None when the cache is down.

    Read once per request. It also resolves the request's site (`request._content_site_id`;
    home/routing.py's find_site gives the Site itself, kept with the site's data).
    """
    if not hasattr(request, "_content_version"):
        request._content_version = read_content_version(request)
    return request._content_version


# (host, port) -> (global generation, site id): the site a host resolved to, per process,
# so that a request reads both generations in one round trip to the cache. Sites are
# shared content: a change to one bumps the global generation, and hosts resolve anew.
_sites_by_host = {}
SITES_BY_HOST_LIMIT = 1000


def read_content_version(request):
    host = (request._get_raw_host().lower(), request.get_port())
    remembered = _sites_by_host.get(host)
    keys = [GLOBAL_KEY] if remembered is None else [GLOBAL_KEY, site_key(remembered[1])]
    generations = cache.get_many(keys)
    global_generation = generations.get(GLOBAL_KEY) or initial_generation(GLOBAL_KEY)
    if global_generation is None or remembered is None or remembered[0] != global_generation:
        # Wagtail's lookup: the exact host and port, the host, or the default site.
        request._wagtail_site = Site._find_for_request(request)
        site = request._wagtail_site.pk if request._wagtail_site else None
        remembered = (global_generation, site)
        if global_generation is not None:
            if len(_sites_by_host) >= SITES_BY_HOST_LIMIT:
                _sites_by_host.clear()
            _sites_by_host[host] = remembered
    request._content_site_id = remembered[1]
    if global_generation is None:  # the cache is unavailable: nothing can be versioned
        return None
    key = site_key(remembered[1])
    site_generation = generations.get(key) or cache.get(key) or initial_generation(key)
    if site_generation is None:
        return None
    return f"{global_generation}:{remembered[1]}:{site_generation}"


def initial_generation(key):
    cache.add(key, first_generation(), timeout=None)
    return cache.get(key)
