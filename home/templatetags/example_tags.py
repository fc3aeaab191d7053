"""The « Exemple » badge of invented content (home/models/example.py), one markup for all."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def example_badge():
    return format_html('<span class="tag tag--example">{}</span>', _("Exemple"))


@register.inclusion_tag("includes/example_notice.html")
def example_notice(page):
    """On the page itself: the badge and what the editor says is invented."""
    return {"note": getattr(page, "example_note", "")}
