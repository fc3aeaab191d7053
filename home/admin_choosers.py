"""Wagtail's page chooser, limited to the pages the editor may explore (their own site's).

Wagtail's chooser otherwise lists every site's pages to anyone in the admin: the
`construct_page_chooser_queryset` hook (wagtail_hooks.py) filters its listings and
search, and SitePageBrowseView refuses to open another site's page by its number.
"""

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def pages_the_user_may_explore(pages, request):
    if request.user.is_superuser:
        return pages
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values("pk"))


class SitePageBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            parent = Page.objects.filter(pk=parent_page_id)
            if not pages_the_user_may_explore(parent, request).exists():
                raise Http404
        return super().get(request, parent_page_id)
