"""French typography on French pages: what editors type plainly, visitors read right."""

import datetime

import pytest
from wagtail.models import Locale

from home.models import ContentPage, NewsIndexPage, NewsPage
from home.typography import french_typography

NBSP, NARROW = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "typed, shown",
    [
        (
            "Pourquoi ? Comment ! Ici ; là : oui",
            f"Pourquoi{NARROW}? Comment{NARROW}! Ici{NARROW}; là{NBSP}: oui",
        ),
        ("Pourquoi? Voilà!", f"Pourquoi{NARROW}? Voilà{NARROW}!"),
        ("Vraiment ?!", f"Vraiment{NARROW}?!"),
        ("Le «Bus santé» passe", f"Le «{NBSP}Bus santé{NBSP}» passe"),
        ("le 1 juin, le 11 juin, le 21 juin", "le 1er juin, le 11 juin, le 21 juin"),
        (
            "à 18h30, 18 h 30, 18:30, 9h, 09:00",
            f"à 18{NBSP}h{NBSP}30, 18{NBSP}h{NBSP}30, 18{NBSP}h{NBSP}30, 9{NBSP}h, 9{NBSP}h",
        ),
        ("3 heures, 2026-06-01T18:30, 10:00:00", "3 heures, 2026-06-01T18:30, 10:00:00"),
        ("R&amp;D ? et &nbsp;: ok", f"R&amp;D{NARROW}? et{NBSP}: ok"),
        ("l'axe d&#x27;aujourd&#39;hui", "l’axe d’aujourd’hui"),
        ("les 'guillemets' et 1'30, l'", "les 'guillemets' et 1'30, l'"),
    ],
)
def test_french_rules_apply_to_text(typed, shown):
    assert french_typography(typed) == shown
    assert french_typography(shown) == shown  # applied twice, nothing more changes


def test_addresses_attributes_and_code_are_never_touched():
    html = (
        '<a href="https://example.org/?q=a:b" title="Quoi ? Ici : là">Lien ?</a> '
        "voir https://example.org/page?x=1 ou contact@example.org ; "
        "<code>a ; b : c ?</code><pre>x : y</pre><textarea>Bonjour ? C'est moi</textarea>"
        '<script type="application/ld+json">{"a": "b ?"}</script>'
    )
    assert french_typography(html) == (
        f'<a href="https://example.org/?q=a:b" title="Quoi ? Ici : là">Lien{NARROW}?</a> '
        f"voir https://example.org/page?x=1 ou contact@example.org{NARROW}; "
        "<code>a ; b : c ?</code><pre>x : y</pre><textarea>Bonjour ? C'est moi</textarea>"
        '<script type="application/ld+json">{"a": "b ?"}</script>'
    )


def test_a_mark_after_a_tag_keeps_its_space_unbreakable():
    html = "<strong>Lieu</strong> : Ruffec. <a>Inscrit</a>?"
    assert (
        french_typography(html) == f"<strong>Lieu</strong>{NBSP}: Ruffec. <a>Inscrit</a>{NARROW}?"
    )


@pytest.mark.django_db
def test_a_title_in_guillemets_never_leaves_one_alone_on_a_line(ruffecois_client, ruffecois_site):
    page = ruffecois_site.root_page.add_child(
        instance=ContentPage(title="Le « Bus santé » arrive : où l'attendre ?")
    )
    html = ruffecois_client.get(page.url).content.decode()
    shown = f"Le «{NBSP}Bus santé{NBSP}» arrive{NBSP}: où l’attendre{NARROW}?"
    assert f"<h1>{shown}</h1>" in html
    assert f"<title>{shown} –" in html
    assert "« " not in html and " »" not in html


@pytest.mark.django_db
def test_the_first_of_the_month_reads_1er(aude_client, aude_site):
    index = NewsIndexPage.objects.child_of(aude_site.root_page).get()
    news = index.add_child(
        instance=NewsPage(
            title="Réunion publique", date=datetime.date(2026, 6, 1), lead="Ouverte à tous."
        )
    )
    html = aude_client.get(news.url).content.decode()
    assert '<time datetime="2026-06-01">1er juin 2026</time>' in html


@pytest.mark.django_db
def test_english_pages_are_left_as_typed(aude_site, aude_client):
    index = NewsIndexPage.objects.descendant_of(aude_site.root_page).get(locale__language_code="fr")
    index = index.get_translation(Locale.objects.get(language_code="en"))
    news = index.add_child(
        instance=NewsPage(
            title="Open « day » : come ? 18h30",
            date=datetime.date(2026, 6, 1),
            lead="Open to all.",
            locale=index.locale,
        )
    )
    html = aude_client.get(news.url).content.decode()
    assert "<h1>Open « day » : come ? 18h30</h1>" in html
    assert NARROW not in html
