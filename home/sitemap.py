"""A sitemap of every language edition of the current site, with hreflang alternates.

Wagtail's own sitemap lists the default language only.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from wagtail.models import Page

from home.absolute_urls import full_url
from home.routing import find_site


def sitemap(request):
    site = find_site(request)
    if site is None:
        raise Http404
    # The languages whose home page is published (see home.routing.route_for_request).
    roots = [site.root_page, *site.root_page.get_translations().live()]
    in_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
    pages = list(
        Page.objects.live().public().filter(in_site).select_related("locale").order_by("path")
    )
    entries = []
    editions = defaultdict(list)  # translation_key → entries of every language
    for page in pages:
        url = full_url(request, page)
        if url:
            entry = {
                "url": url,
                "lastmod": page.last_published_at,
                "language": page.locale.language_code,
                "alternates": editions[page.translation_key],
            }
            editions[page.translation_key].append(entry)
            entries.append(entry)
    return render(request, "home/sitemap.xml", {"entries": entries}, content_type="application/xml")
