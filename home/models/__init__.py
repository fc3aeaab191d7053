from .legal import AccessibilityStatementPage, LegalNoticePage, SitemapPage
from .news import NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedPage
from .pages import ContentPage, HomePage
from .site_settings import AccessibilityStatus, SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "AccessibilityStatus",
    "ContentPage",
    "HomePage",
    "LegalNoticePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedPage",
    "SiteSettings",
    "SitemapPage",
]
