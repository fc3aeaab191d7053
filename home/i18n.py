from wagtail.models import Locale

from home.page_cache import cached_site_data


def get_active_locale(request):
    """Locale.get_active(), kept with the site's cached data: asked by most templates."""
    if request is None:
        return Locale.get_active()
    return cached_site_data(request, "locale", Locale.get_active)
