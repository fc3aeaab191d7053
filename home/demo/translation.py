"""Translate demo content through wagtail-localize's own machinery."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cls.models import Organisation
from contacts.models import ContactCard
from home.models import NewsTag


def build_english_edition(site, strings):
    """Translate the site's organisations, contact cards, news tags and pages into
    English, once.

    Snippets first: pages refer to them (pilot, partners, contact card). Pages from the
    top down: a page is translated once its parent is.
    """
    english, _ = Locale.objects.get_or_create(language_code="en")
    if site.root_page.has_translation(english):
        return
    for model in (Organisation, ContactCard, NewsTag):
        for snippet in model.objects.filter(locale=site.root_page.locale):
            if not snippet.has_translation(english):
                translate(snippet, english, strings)
    for page in site.root_page.get_descendants(inclusive=True).order_by("path").specific():
        translate(page, english, strings)


def translate(instance, locale, strings):
    """Create or update the translation of a page or snippet into `locale`.

    `strings` maps source strings to their translation; strings it lacks keep the
    source text (wagtail-localize's fallback), as an untranslated segment would.
    Returns the translated instance (published, for pages).
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        # wagtail-localize keeps a plain text's line breaks (a form field's choices) as <br/>.
        text = segment.string.data.replace("<br/>", "\n")
        if text in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[text].replace("\n", "<br/>")},
            )
    with transaction.atomic():
        translation, _ = source.create_or_update_translation(locale, fallback=True)
    return translation
