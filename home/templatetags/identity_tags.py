"""The site's identity (logo, theme stylesheet, icons, sharing image) for base.html."""

from django import template

from home.absolute_urls import site_url
from home.identity import site_identity

register = template.Library()


@register.simple_tag(takes_context=True, name="site_identity")
def site_identity_tag(context):
    """`{% site_identity as identity %}`, read from the site's cached data."""
    return site_identity(context["request"])


@register.simple_tag(takes_context=True)
def absolute_media_url(context, url):
    """An image's address for other sites (og:image): media may already live elsewhere."""
    return url if "://" in url else site_url(context["request"], url)
