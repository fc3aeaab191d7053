"""Pages and sites created once: each function returns what exists or creates it, so that
the demo, the « Nouveau site CLS » wizard and the benches can run again safely."""

from django.utils.text import slugify
from wagtail.models import Page, Site


def get_or_create_child(parent, page_class, title, slug=None, **fields):
    """Return the live child page with this slug, or add and publish a new one.

    Pages are created through the same API the admin uses (add_child + a
    published revision), so they have a revision history like any edited page.
    """
    slug = slug or slugify(title)
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_or_create_site(hostname, home_page_class, title, is_default_site=False, port=80, **fields):
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site:
        return site
    tree_root = Page.get_first_root_node()
    home = get_or_create_child(tree_root, home_page_class, title, slug=slugify(hostname), **fields)
    return Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=title,
        root_page=home,
        is_default_site=is_default_site,
    )
