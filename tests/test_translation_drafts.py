"""« Traduire » creates drafts: a language opens to visitors once a person publishes it.

Through the admin's own views: wagtail-localize's « Traduire » form and its translation
editor's « Publier »; then the public pages, the language switcher and /sitemap.xml.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cls.models import ActionPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ruffecois_without_english")]

ACTION_PATH = "/cls/axe-1/informer-sur-les-droits-en-sante/"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def action():
    """An action sheet of the Ruffécois site, which has no English page here."""
    return ActionPage.objects.get(title="Informer sur les droits en santé")


def translate_in_the_admin(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return [ancestor.get_translation(locale) for ancestor in page.get_ancestors(inclusive=True)[1:]]


def publish_in_the_translation_editor(client, page):
    response = client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302


def english_urls_in_sitemap(client):
    return [line for line in client.get("/sitemap.xml").content.decode().split() if "/en/" in line]


def test_translating_one_action_makes_drafts_only(admin_client, ruffecois_client, action, english):
    home, contract, axis, translated_action = translate_in_the_admin(admin_client, action, english)
    for page in (home, contract, axis, translated_action):
        assert not page.live
        assert page.alias_of_id is None  # not a copy republished with each French edit
        # …but a translation, opened in wagtail-localize's editor.
        assert Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        ).enabled
    editor = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert editor.status_code == 200
    assert "header-meta--locales" in editor.content.decode()  # French → English

    for path in ("/en/", "/en/cls/", "/en/cls/axe-1/", "/en" + ACTION_PATH):
        assert ruffecois_client.get(path).status_code == 404, path
    assert english_urls_in_sitemap(ruffecois_client) == []
    assert 'hreflang="en"' not in ruffecois_client.get(ACTION_PATH).content.decode()


def test_english_opens_when_a_person_publishes_its_home_page(
    admin_client, ruffecois_client, action, english
):
    home, contract, axis, translated_action = translate_in_the_admin(admin_client, action, english)
    publish_in_the_translation_editor(admin_client, translated_action)
    # Published, but its language is not open yet: the home page is still a draft.
    assert ruffecois_client.get("/en" + ACTION_PATH).status_code == 404
    assert english_urls_in_sitemap(ruffecois_client) == []

    for page in (home, contract, axis):
        publish_in_the_translation_editor(admin_client, page)
    assert ruffecois_client.get("/en/").status_code == 200
    assert ruffecois_client.get("/en" + ACTION_PATH).status_code == 200
    assert "http://ruffecois.localhost/en" + ACTION_PATH in " ".join(
        english_urls_in_sitemap(ruffecois_client)
    )
    french = ruffecois_client.get(ACTION_PATH).content.decode()
    assert f'href="/en{ACTION_PATH}" lang="en" hreflang="en"' in french


def test_an_action_translated_under_an_english_axis_stays_a_draft(
    admin_client, aude_client, english
):
    axis = ActionPage.objects.get(title="Parlons santé", locale__language_code="fr").get_parent()
    action = ActionPage(title="Atelier sommeil", slug="atelier-sommeil")
    axis.add_child(instance=action)
    *_, translated = translate_in_the_admin(admin_client, action, english)
    assert not translated.live
    assert aude_client.get("/en/cls-2/axe-2/").status_code == 200  # English stays open
    assert aude_client.get("/en/cls-2/axe-2/atelier-sommeil/").status_code == 404
