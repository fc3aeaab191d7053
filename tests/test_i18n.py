"""French is served without prefix; an English translation made with wagtail-localize under /en/."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

pytestmark = pytest.mark.django_db


def translate(page, locale, translations):
    """Translate a page through wagtail-localize, with the given source → target strings."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in translations:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translations[segment.string.data]},
            )
    translation, _ = source.create_or_update_translation(locale, fallback=True)
    return translation


def test_french_home_page_is_served_at_the_root(aude_client):
    response = aude_client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert "CLS 2 Moyenne et Haute Vallée de l&#x27;Aude" in response.content.decode()


def test_english_translation_is_served_under_en(
    aude_client, aude_site, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(
            aude_site.root_page.specific,
            english,
            {"CLS 2 Moyenne et Haute Vallée de l'Aude": "Local Health Contract 2, Upper Aude"},
        )
    translated.refresh_from_db()
    assert translated.live
    assert translated.locale == english

    response = aude_client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Local Health Contract 2, Upper Aude" in html
    # The French page is still the one at the root.
    assert "Local Health Contract 2" not in aude_client.get("/").content.decode()
