"""Translate demo content through wagtail-localize's own machinery."""

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


def translate(instance, locale, strings):
    """Create or update the translation of a page or snippet into `locale`.

    `strings` maps source strings to their translation; strings it lacks keep the
    source text (wagtail-localize's fallback), as an untranslated segment would.
    Returns the translated instance (published, for pages).
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    with transaction.atomic():
        translation, _ = source.create_or_update_translation(locale, fallback=True)
    return translation
