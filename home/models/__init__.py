from .legal import AccessibilityStatementPage, LegalNoticePage, SitemapPage
from .pages import ContentPage, HomePage
from .site_settings import AccessibilityStatus, SiteSettings

__all__ = [
    "AccessibilityStatementPage",
    "AccessibilityStatus",
    "ContentPage",
    "HomePage",
    "LegalNoticePage",
    "SiteSettings",
    "SitemapPage",
]
