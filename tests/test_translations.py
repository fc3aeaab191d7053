"""French without prefix, English under /en/: the demo's English edition and its rules."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale

from cls.models import ActionPage, Organisation
from contacts.models import ContactCard
from home.demo.translation import translate
from home.management.commands.check_translations import untranslated_entries

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_french_pages_are_served_at_the_root_in_french(aude_client):
    html = html_of(aude_client, "/cls-2/")
    assert '<html lang="fr"' in html
    assert "<h1>Contrat Local de Santé 2</h1>" in html


def test_english_pages_are_served_under_en_in_english(aude_client):
    html = html_of(aude_client, "/en/cls-2/axe-2/depistages-diabete/")
    assert '<html lang="en"' in html
    assert "<h1>Diabetes screening</h1>" in html
    assert "Free diabetes screening days close to where people live." in html
    assert "2.2" in html  # the code is synchronised, not translated


def test_menu_and_footer_follow_the_page_language(aude_client):
    html = html_of(aude_client, "/en/")
    assert 'href="/en/contact/"' in html and "Contact the health team" in html
    assert 'href="/en/mentions-legales/"' in html and "Legal notice" in html
    assert 'href="/en/accessibilite/"' in html


def test_language_switcher_links_each_page_to_its_translation(aude_client):
    html = html_of(aude_client, "/cls-2/axe-2/")
    assert '<a href="/en/cls-2/axe-2/" lang="en" hreflang="en">English</a>' in html
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/cls-2/axe-2/">' in html
    english = html_of(aude_client, "/en/cls-2/axe-2/")
    assert 'href="/cls-2/axe-2/" lang="fr" hreflang="fr"' in english


@pytest.mark.usefixtures("ruffecois_in_french_only")
def test_a_page_in_one_language_only_has_no_switcher(ruffecois_client):
    html = html_of(ruffecois_client, "/cls/")
    assert 'hreflang="en"' not in html
    assert "Langue de la page" not in html


@pytest.mark.usefixtures("ruffecois_in_french_only")
def test_untranslated_pages_are_not_found_under_en(aude_client, ruffecois_client, aude_site):
    axis = ActionPage.objects.get(title="Parlons santé").get_parent()
    axis.add_child(instance=ActionPage(title="Atelier sommeil", slug="atelier-sommeil"))
    assert aude_client.get("/cls-2/axe-2/atelier-sommeil/").status_code == 200
    assert aude_client.get("/en/cls-2/axe-2/atelier-sommeil/").status_code == 404
    # A site with no English edition at all: no French page in an English frame.
    assert ruffecois_client.get("/en/").status_code == 404
    assert ruffecois_client.get("/en/cls/").status_code == 404


def test_synchronised_fields_follow_an_edit_of_the_source(django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    action = ActionPage.objects.get(title="Semaine bleue", locale__language_code="fr")
    action.code = "3.9"
    action.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(action, english, {})
    translated = action.get_translation(english)
    assert translated.code == "3.9"
    assert translated.title == "Blue Week"  # the translated text is kept

    card = ContactCard.objects.get(name="Élise Roussel", locale__language_code="fr")
    card.phone = "04 65 71 00 99"
    card.save()
    translate(card, english, {})
    translated = card.get_translation(english)
    assert translated.phone == "04 65 71 00 99"
    assert translated.role == "Health project officer"

    organisation = Organisation.objects.get(name="Agence Régionale de Santé Occitanie")
    organisation.url = "https://ars.example.org/"
    organisation.save()
    translate(organisation, english, {})
    translated = organisation.get_translation(english)
    assert translated.url == "https://ars.example.org/"
    assert translated.name == "Occitanie Regional Health Agency"


def test_sitemap_lists_both_languages_with_alternates(aude_client):
    xml = html_of(aude_client, "/sitemap.xml")
    assert "<loc>http://localhost/cls-2/</loc>" in xml
    assert "<loc>http://localhost/en/cls-2/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/cls-2/"/>' in xml


def test_po_check_reports_an_empty_msgstr():
    po = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: home/models.py:1\nmsgid "Accueil"\nmsgstr "Home"\n\n'
        'msgid "Rechercher"\nmsgstr ""\n\n'
        'msgid ""\n"Une longue "\n"phrase"\nmsgstr ""\n"A long sentence"\n\n'
        'msgid "%(n)s commune"\nmsgid_plural "%(n)s communes"\n'
        'msgstr[0] "%(n)s municipality"\nmsgstr[1] ""\n'
    )
    assert untranslated_entries(po) == ["Rechercher", "%(n)s commune"]


def test_every_interface_string_is_translated():
    try:
        call_command("check_translations")
    except CommandError as error:
        pytest.fail(str(error))
