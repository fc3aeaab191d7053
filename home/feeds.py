"""RSS and Atom feeds of a page's items (news, agenda), served by the page's own routes."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.absolute_urls import full_url, site_url
from home.routing import localized_root

FEED_FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class PageFeed(Feed):
    """A feed whose channel is a Wagtail page; subclasses give `items` and `item_*`."""

    def __init__(self, page, feed_format):
        super().__init__()
        self.page = page
        self.feed_type = FEED_FORMATS[feed_format]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.page

    def title(self, page):
        return feed_title(self.request, page)

    def link(self, page):
        return full_url(self.request, page)

    def description(self, page):
        return page.search_description or page.title

    def feed_url(self, page):
        return site_url(self.request, self.request.path)


def feed_title(request, page):
    """« Agenda — CLS du Pays du Ruffécois »: the page's title and the site's name (its home
    page's title), both in the page's language, so that a feed reader or a calendar holding
    several sites' feeds tells them apart."""
    root = localized_root(request)
    return f"{page.title} — {root.title}" if root is not None and root.pk != page.pk else page.title
