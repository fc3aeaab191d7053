from wagtail.models import Locale


def get_active_locale(request):
    """Locale.get_active(), queried once per request however many templates ask."""
    if request is None:
        return Locale.get_active()
    if not hasattr(request, "_active_locale"):
        request._active_locale = Locale.get_active()
    return request._active_locale
