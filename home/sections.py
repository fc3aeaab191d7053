"""A site's sections (its news index, its agenda): pages found below the home page once
per content version, like the menu, rather than looked for on every home page."""

from home.page_cache import cached_site_data
from home.visibility import exclude_private


def site_section(home, model, request):
    """The first live, public child of `home` of type `model`, or None."""
    found = cached_site_data(
        request,
        f"section:{model._meta.label}:{home.pk}",
        # A list, so that "no such section" is kept too (the cache stores no None).
        lambda: list(exclude_private(model.objects.live().child_of(home), request)[:1]),
    )
    return found[0] if found else None
