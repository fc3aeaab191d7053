"""« Traduire » creates drafts: no page is public in a language until a person publishes it.

wagtail-localize publishes a new translation when its source is live; the setting
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False makes it a draft instead. The pages
above it (home, contract, axis) are another matter: when they are not translated yet,
Wagtail creates them as aliases of the French pages, live, and republishes them in French
each time the French page is published. One action sent to translation thus opened /en/
with French pages in an English frame. Each such alias becomes here a draft page with the
French text, and a translation like any other in wagtail-localize's editor: publishing
it there writes the translated text.
"""

from wagtail.models import Page
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import Translation, TranslationSource


def make_translated_parent_a_draft(sender, source_obj, target_obj, **kwargs):
    if not isinstance(target_obj, Page) or target_obj.alias_of_id is None:
        return
    # Neither slug nor place change here: the pages below, being created, keep their path.
    page = Page.objects.get(pk=target_obj.pk)
    page.alias_of = None
    page.live = False
    page.save(update_fields=["alias_of", "live"], clean=False)
    page.specific.save_revision(changed=False, clean=False)
    source, _ = TranslationSource.get_or_create_from_instance(source_obj.specific)
    Translation.objects.get_or_create(source=source, target_locale=page.locale)


def connect_translation_drafts():
    copy_for_translation_done.connect(
        make_translated_parent_a_draft, dispatch_uid="translated-parents-as-drafts"
    )
