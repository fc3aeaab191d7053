"""Which change retires which cached content (home/content_version.py), after it commits.

- A page published, unpublished, saved, created or copied: its site's pages (in every
  language of the site). A live page being deleted is unpublished first (by Wagtail).
- A page moved: the sites it left and joined.
- Shared content (snippets, documents, images, settings, sites, locales, collections,
  privacy of a page or a collection): every site's.
- Wagtail's reference index updated by the task worker, after the change's own commit:
  the site data read from it (the documents a site publishes) is read again.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.content_version import GLOBAL_KEY, bump_after_commit, site_keys_for_paths

# Shared content shown across pages and sites: any change retires every site's cache.
SHARED_CONTENT_MODELS = [
    "cls.Organisation",
    "cls.Commune",
    "cls.TargetPublic",
    "cls.SiteDocument",
    "contacts.ContactCard",
    "home.NewsTag",  # a tag's translation is shown on the translated news pages
    "home.SiteSettings",
    "wagtailimages.Image",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # Documents are private by collection: a moved or renamed collection changes that.
    "wagtailcore.Collection",
    # Making a page or a collection private must withdraw it from the cache at once.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
]

# Page fields a save may touch without changing what visitors see: a new draft, a lock,
# a comment, a child added (the child's own save retires the cache).
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}


def invalidate_everything():
    """Retire every site's cached content once the current transaction commits."""
    bump_after_commit([GLOBAL_KEY])


def invalidate_sites_of(*url_paths):
    bump_after_commit(site_keys_for_paths(url_paths))


def purge_listing_pages_from_cdn(page):
    if settings.WAGTAILFRONTENDCACHE:
        # Wagtail's frontend_cache purges the published page from the CDN; the pages
        # listing it (its axis, contract, home page) show it too.
        pages = list(page.get_ancestors().live().filter(depth__gt=1))
        transaction.on_commit(lambda: purge_pages_from_cache(pages), robust=True)


def on_page_published_or_unpublished(sender, instance, **kwargs):
    invalidate_sites_of(instance.url_path)
    purge_listing_pages_from_cdn(instance)


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    invalidate_sites_of(url_path_before, url_path_after)
    purge_listing_pages_from_cdn(instance)


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        invalidate_sites_of(instance.url_path)


def on_shared_content_change(sender, **kwargs):
    invalidate_everything()


REFERENCE_INDEX_TASK = "wagtail.tasks.update_reference_index_task"


def on_reference_index_updated(sender, task_result, **kwargs):
    if task_result.task.module_path != REFERENCE_INDEX_TASK:
        return
    app_label, model_name, pk = task_result.args
    if issubclass(apps.get_model(app_label, model_name), Page):
        invalidate_sites_of(*Page.objects.filter(pk=pk).values_list("url_path", flat=True))
    else:
        invalidate_everything()


def connect_invalidation():
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="cv_page_published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="cv_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="cv_page_moved")
    post_save.connect(on_page_saved, dispatch_uid="cv_page_saved")
    task_finished.connect(on_reference_index_updated, dispatch_uid="cv_reference_index")
    for label in SHARED_CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_shared_content_change, sender=model, dispatch_uid=f"cv_{label}")
        post_delete.connect(on_shared_content_change, sender=model, dispatch_uid=f"cvd_{label}")
