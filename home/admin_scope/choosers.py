"""Wagtail's page chooser, limited to the pages the editor may explore (their own site's).

Wagtail's chooser otherwise lists every site's pages to anyone in the admin: the
`construct_page_chooser_queryset` hook (wagtail_hooks.py) filters its listings and
search, and SitePageBrowseView refuses to open another site's page by its number.
"""

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page

from . import may_see, visible_pages


def pages_the_user_may_explore(pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=visible_pages(request.user).values("pk"))


class SitePageBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not may_see(request.user, Page, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)
