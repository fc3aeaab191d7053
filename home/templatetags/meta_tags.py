"""{% meta_description page %}: the page's description for search engines (home/meta.py)."""

from django import template

from home import meta

register = template.Library()


@register.simple_tag
def meta_description(page):
    return meta.meta_description(page)
