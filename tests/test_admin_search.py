"""Every search box of the admin finds what is typed: snippet listings and choosers, pages,
documents and images."""

import html

import pytest
from django.urls import reverse
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .factories import make_image

pytestmark = pytest.mark.django_db

NOTHING_MATCHES = "zzqxwv"


def snippet_search_urls():
    """(model, URL name) of the listing, the chooser and the chooser's results of each
    registered snippet: a new snippet is covered without editing this test."""
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        names = [
            viewset.get_url_name("list"),
            viewset.chooser_viewset.get_url_name("choose"),
            viewset.chooser_viewset.get_url_name("choose_results"),
        ]
        for name in names:
            yield pytest.param(model, name, id=name)


def text_of(response):
    """The text of an admin page, or of a chooser's JSON answer (entities decoded:
    « L'Abergement-Clémenciat » is written L&#x27;Abergement…)."""
    assert response.status_code == 200
    if response["Content-Type"] == "application/json":
        return html.unescape(response.json()["html"])
    return html.unescape(response.content.decode())


def first_word_of_a(model, locale):
    instances = model.objects.all()
    if issubclass(model, TranslatableMixin):
        instances = instances.filter(locale=locale)
    instance = instances.order_by("pk").first()
    return instance.name.split()[0], instance.name


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("model", "url_name"), list(snippet_search_urls()))
def test_searching_each_snippet_listing_and_chooser_finds_what_is_typed(
    admin_client, model, url_name, language
):
    locale = Locale.objects.get(language_code=language)
    query, name = first_word_of_a(model, locale)
    url = reverse(url_name)
    # The page editor opens a chooser in the page's language.
    found = admin_client.get(url, {"q": query, "locale": language})
    assert name in text_of(found)
    nothing = admin_client.get(url, {"q": NOTHING_MATCHES, "locale": language})
    assert name not in text_of(nothing)


@pytest.mark.parametrize(
    ("url_name", "query", "expected"),
    [
        ("wagtailadmin_pages:search", "dépistages", "Dépistages diabète"),
        ("wagtaildocs:index", "diagnostic", "Diagnostic santé - Pyrénées Audoises"),
        ("wagtaildocs_chooser:choose", "diagnostic", "Diagnostic santé - Pyrénées Audoises"),
        ("wagtailimages:index", "lavoir", "Le lavoir de Quillan"),
        ("wagtailimages_chooser:choose", "lavoir", "Le lavoir de Quillan"),
    ],
)
def test_the_other_admin_searches_find_what_is_typed(admin_client, url_name, query, expected):
    make_image("Le lavoir de Quillan")
    found = admin_client.get(reverse(url_name), {"q": query})
    assert expected in text_of(found)
    nothing = admin_client.get(reverse(url_name), {"q": NOTHING_MATCHES})
    assert expected not in text_of(nothing)
