"""Crawl a site's English edition with the test client and report the French left in it.

Used by tests/test_english_edition.py. French is recognised by words of the interface's
own French catalogue that its English translations never use (so « Télécharger » counts and
« Documents » does not), plus a few common words. Text marked `lang="fr"` (a French
document's title, a French proper name) is French on purpose and is skipped, as screen
readers are told to read it in French.
"""

import re
import warnings
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import polib
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from django.conf import settings

CATALOGUE = "{}/LC_MESSAGES/django.po"
# Common French words a translator may leave behind that interface strings may not hold.
COMMON_FRENCH = {
    "accueil",
    "actualités",
    "aucun",
    "aucune",
    "avec",
    "communes",
    "dans",
    "ensemble",
    "être",
    "leurs",
    "nous",
    "plan",
    "pour",
    "santé",
    "télécharger",
    "votre",
    "vous",
}
# Words of the French catalogue that are English too: the entries its English catalogue
# keeps as they are (« Documents », « Parents »: not counted as translated, so that a
# string left in French is caught), « agenda », « tests »; and words of proper names kept
# in English (« Pays du Ruffécois », « Val de Charente »).
NOT_ONLY_FRENCH = {
    "action",
    "actions",
    "agenda",
    "budget",
    "code",
    "collection",
    "contact",
    "contacts",
    "date",
    "description",
    "document",
    "documents",
    "identification",
    "image",
    "introduction",
    "logo",
    "organisation",
    "page",
    "pagination",
    "parents",
    "pays",
    "photo",
    "population",
    "tests",
    "type",
    "val",
}
# Words shorter than this are left out: « de », « la », « et » are in place names.
MIN_WORD_LENGTH = 4
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Not pages: files and data whose language a visitor does not read as a page.
SKIPPED_SUFFIXES = ("/csv/", "/json/", "/ics/")
SKIPPED_PREFIXES = ("/documents/", "/media/", "/static/", "/admin/")
FEED_SUFFIXES = ("/rss/", "/atom/")
FEED_TEXTS = "title, subtitle, description, summary, content, category"


def catalogue_words(language, translated_only=False):
    """The words of a catalogue's translations (`translated_only`: of those that differ
    from their French msgid, so that a string left in French does not count as English)."""
    words = set()
    for locale_path in settings.LOCALE_PATHS:
        path = Path(locale_path) / CATALOGUE.format(language)
        for entry in polib.pofile(str(path)):
            if translated_only and entry.msgstr == entry.msgid:
                continue
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                words.update(word.lower() for word in WORD.findall(re.sub(r"%\(\w+\)s", "", text)))
    return words


@cache
def french_words():
    """Distinctive French words: the French catalogue's, minus any word of its English
    catalogue's translations, and the common French words above."""
    interface = {word for word in catalogue_words("fr") if len(word) >= MIN_WORD_LENGTH}
    english = catalogue_words("en", translated_only=True)
    return (interface | COMMON_FRENCH) - english - NOT_ONLY_FRENCH


@dataclass
class CrawlReport:
    pages: list = field(default_factory=list)
    french: dict = field(default_factory=dict)  # url -> sorted French words found
    french_links: dict = field(default_factory=dict)  # url -> French URLs it links to


def english_text(soup, is_feed=False):
    """The text a visitor reads, and the labels assistive technologies read, outside any
    element marked as another language; a feed's titles, descriptions and categories."""
    if is_feed:
        return " ".join(element.get_text(" ") for element in soup.select(FEED_TEXTS))
    for element in soup.select("script, style, template"):
        element.decompose()
    for element in soup.select("[lang]"):
        if element.name != "html" and not element["lang"].startswith("en"):
            element.decompose()
    texts = [soup.get_text(" ")]
    for attribute in VISIBLE_ATTRIBUTES:
        texts.extend(element[attribute] for element in soup.select(f"[{attribute}]"))
    return " ".join(texts)


def french_found(text):
    words = french_words()
    return sorted({word for word in WORD.findall(text) if word.lower() in words})


def crawl_english_edition(client, host, start_urls, french_urls_with_english):
    """Visit every English URL of `host` reachable from `start_urls` (query strings
    included), pages and feeds.

    `french_urls_with_english` is the set of French URL paths whose page has a live
    English translation: a link from an English page to one of them is reported, unless
    it says it leads to French (`hreflang="fr"`, the language switcher and alternates).
    """
    report = CrawlReport()
    seen = set(start_urls)
    queue = deque(start_urls)
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        body = response.content.decode()
        report.pages.append(url)
        is_feed = url.split("?")[0].endswith(FEED_SUFFIXES)
        with warnings.catch_warnings(category=XMLParsedAsHTMLWarning, action="ignore"):
            soup = BeautifulSoup(body, "html.parser")  # feeds too: their texts are simple
        links = [
            (link["href"], link.get("hreflang"))
            for link in ([] if is_feed else soup.select("a[href], link[rel=alternate][href]"))
        ]
        if french := french_found(english_text(soup, is_feed)):
            report.french[url] = french
        for href, hreflang in links:
            parts = urlsplit(urljoin(url, href))
            if parts.netloc not in ("", host):
                continue  # another site
            path = parts.path
            if path in french_urls_with_english and hreflang != "fr":
                report.french_links.setdefault(url, []).append(path)
            target = path + (f"?{parts.query}" if parts.query else "")
            if (
                path.startswith("/en/")
                and not path.endswith(SKIPPED_SUFFIXES)
                and not path.startswith(SKIPPED_PREFIXES)
                and target not in seen
            ):
                seen.add(target)
                queue.append(target)
    return report
