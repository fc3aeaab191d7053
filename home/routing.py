"""Page routing in two queries whatever the depth, and what it learnt for templates.

Wagtail walks the tree one query per level and asks for the active locale and the
specific home page first. Here the localized site root comes from the site's cached
data, one query finds the served page and all its ancestors by url_path (kept with the
site's data too, once a page has been served), and one more reads the page with the
foreign keys its template shows. Breadcrumbs and "back to" links then read the
ancestors from the request instead of querying the tree again.
"""

from urllib.parse import quote

from django.http import Http404
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, Site

from home.content_version import content_version
from home.i18n import get_active_locale
from home.page_cache import cached_site_data
from home.visibility import exclude_private, is_private

_ROOT_ATTR = "_cls_site_root"
_ROUTE_ATTR = "_cls_route"


def find_site(request):
    """Site.find_for_request(request), kept with the site's data.

    Reading the content version resolves the site's id once per process and version of
    the sites (home/content_version.py); the Site and its root page are then kept with
    the site's data, which a change to the root page renews.
    """
    if not hasattr(request, "_wagtail_site"):  # where Site.find_for_request looks first
        content_version(request)
        site_id = request._content_site_id
        request._wagtail_site = site_id and cached_site_data(
            request,
            "site",
            lambda: Site.objects.select_related("root_page").filter(pk=site_id).first(),
        )
    return request._wagtail_site


def localized_root(request):
    """The root page of the request's site in the active language (or its original)."""
    if not hasattr(request, _ROOT_ATTR):
        site = find_site(request)
        root = site.root_page if site else None
        locale = get_active_locale(request)
        if root is not None and root.locale_id != locale.pk:
            root = cached_site_data(
                request, "localized-root", lambda: root.get_translation_or_none(locale) or root
            )
        setattr(request, _ROOT_ATTR, root)
    return getattr(request, _ROOT_ATTR)


def page_url(request, page, localize=True):
    """`page.get_url(request)`, straight from the url_path for pages of the site's tree.

    A page of another language than the request's leads to its live, public translation
    when there is one: page choosers (quick links, a featured contract) keep the page
    chosen in the source language, and wagtail-localize leaves such links to be
    localised when shown (`localize=False`: the page itself, for the language switcher).
    """
    if localize and request is not None and page.locale_id != get_active_locale(request).pk:
        if url_path := translation_url_path(request, page):
            return url_below_root(request, url_path)
    return url_below_root(request, page.url_path) or page.get_url(request)


def translation_url_path(request, page):
    """The url_path of the page's live, public translation in the active language, or ""
    (kept with the site's data: one query per page and content version)."""

    def find():
        translations = Page.objects.live().filter(
            translation_key=page.translation_key, locale=get_active_locale(request)
        )
        translation = exclude_private(translations, request).only("url_path").first()
        return translation.url_path if translation else ""

    return cached_site_data(request, f"translation:{page.translation_key}", find)


def url_below_root(request, url_path):
    """The URL of the page at `url_path` if it is below the request's localized root, else None.

    Wagtail compares each page with every site's root path and reverses the URL pattern
    for every link; a list of 40 action cards on a server of 60 sites felt it. A page
    below the localized root has the root's URL followed by the rest of its url_path,
    quoted as `reverse()` would.
    """
    root = localized_root(request) if request is not None else None
    if root is None or not url_path.startswith(root.url_path):
        return None
    root_url = cached_site_data(request, "root-url", lambda: root.get_url(request))
    if root_url is None:
        return None
    return root_url + quote(url_path[len(root.url_path) :], safe=RFC3986_SUBDELIMS + "/~:@")


def route_for_request(request, path):
    """What Page.route_for_request returns, (page, args, kwargs) or None, in fewer queries."""
    root = localized_root(request)
    if root is None or root.locale_id != get_active_locale(request).pk:
        # No home page in this language: no French pages in an English frame.
        return None
    if not root.live and root.pk != find_site(request).root_page_id:
        # A language opens to visitors when a person publishes its home page.
        return None
    try:
        return route_below(root, request, [part for part in path.split("/") if part])
    except Http404:
        return None


def route_below(root, request, path_components):
    """The page under `root` the path leads to, routing what remains to the page itself."""
    below = pages_along(root, request, path_components)
    if path_components and not below:
        raise Http404
    pages = [root, *below]
    model = pages[-1].specific_class
    if model is None:  # its app was removed
        raise Http404
    # Page types name the foreign keys their template shows (pilot, contact…).
    related = getattr(model, "route_select_related", ())
    page = model.objects.select_related(*related).filter(pk=pages[-1].pk).first()
    if page is None:  # deleted since the route was found
        raise Http404
    remember_route(request, page, pages[:-1])
    return page.route(request, path_components[page.depth - root.depth :])


def pages_along(root, request, path_components):
    """The pages below `root` on the path, from the top down.

    One query, kept with the site's data when the path is a page's own: the paths a page
    routes itself (a contract's tracker) or that lead nowhere are not worth keeping.
    """
    candidates = [
        f"{root.url_path}{'/'.join(path_components[:length])}/"
        for length in range(1, len(path_components) + 1)
    ]
    found = []

    def query():
        found.extend(Page.objects.filter(url_path__in=candidates).order_by("depth"))
        return found if len(found) == len(candidates) else None  # None: not kept

    if not candidates:
        return []
    return cached_site_data(request, f"route:{candidates[-1]}", query) or found


def remember_route(request, page, ancestors):
    setattr(request, _ROUTE_ATTR, (page.pk, ancestors))
    if not is_private(page, request) and not any(
        ancestor.alias_of_id for ancestor in [page, *ancestors]
    ):
        # Wagtail's before_serve_page hook asks every page for its restrictions (two
        # queries); none can apply here, as the cached list of restricted paths shows.
        page.get_view_restrictions = list  # an empty list, without compiling a query


def routed_ancestors(request, page):
    """The ancestors of `page` from the site root down, if routing found them, else None."""
    route = getattr(request, _ROUTE_ATTR, None)
    if route is None or route[0] != page.pk:
        return None
    return route[1]


def parent_of(request, page):
    """The page's parent, without a query when routing found it."""
    ancestors = routed_ancestors(request, page)
    return ancestors[-1] if ancestors else page.get_parent()
