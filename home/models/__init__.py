from .accessibility import AccessibilityStatementPage
from .legal import LegalBasis, LegalNoticePage, PersonalDataPage, SitemapPage
from .news import NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedPage, NewsTag
from .pages import ContentPage, HomePage
from .site_settings import AccessibilityStatus, SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "AccessibilityStatus",
    "ContentPage",
    "HomePage",
    "LegalBasis",
    "LegalNoticePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedPage",
    "NewsTag",
    "PersonalDataPage",
    "SiteSettings",
    "SitemapPage",
]
