"""Shortcuts taken on every page (URLs from url_path, cached site lookup, no translation
query on single-language sites) give what Wagtail's own way gives."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, Site

from cls.models import ActionPage, ContractPage
from home.models import ContentPage
from home.routing import find_site, page_url
from tests.conftest import AUDE_HOST, RUFFECOIS_HOST

pytestmark = pytest.mark.django_db


def request_for(host, language):
    request = RequestFactory().get("/", HTTP_HOST=host)
    request.LANGUAGE_CODE = language
    return request


@pytest.mark.parametrize(
    ("host", "language"), [(AUDE_HOST, "fr"), (AUDE_HOST, "en"), (RUFFECOIS_HOST, "fr")]
)
def test_page_urls_are_those_wagtail_gives_for_every_page(host, language):
    site = Site.objects.get(hostname=host)
    unicode_page = site.root_page.add_child(
        instance=ContentPage(title="Santé des aînés", slug="santé-des-aînés")
    )
    with translation.override(language):
        request = request_for(host, language)
        pages = list(Page.objects.live().filter(depth__gt=1))  # both sites, both languages
        assert unicode_page.pk in {page.pk for page in pages} and len(pages) > 20
        for page in pages:
            # localize=False: a page of the other language would lead to its translation.
            assert page_url(request, page, localize=False) == page.get_url(request), page.url_path
    assert page_url(request_for(host, "fr"), unicode_page).endswith(
        "/sant%C3%A9-des-a%C3%AEn%C3%A9s/"
    )


def test_the_site_lookup_is_cached_and_follows_a_site_change(django_assert_num_queries):
    site = Site.objects.get(hostname=RUFFECOIS_HOST)
    assert find_site(request_for(RUFFECOIS_HOST, "fr")) == site
    with django_assert_num_queries(0):
        assert find_site(request_for(RUFFECOIS_HOST, "fr")) == site
    site.site_name = "Pays du Ruffécois (renommé)"
    site.save()
    assert find_site(request_for(RUFFECOIS_HOST, "fr")).site_name == site.site_name


def test_pages_stay_current_after_the_shared_cache_is_emptied(aude_client, aude_site):
    """Processes remember site data by content version; an emptied cache (Redis restarted)
    must not bring back a version they remember."""
    assert "Rubrique renommée" not in aude_client.get("/").content.decode()
    menu_page = Page.objects.child_of(aude_site.root_page).in_menu().first()
    Page.objects.filter(pk=menu_page.pk).update(title="Rubrique renommée")  # no signal
    cache.clear()
    assert "Rubrique renommée" in aude_client.get("/").content.decode()


def test_a_single_language_site_asks_for_no_translations(
    ruffecois_in_french_only,
    ruffecois_client,
    aude_client,
    page_cache_off,
    django_assert_max_num_queries,
):
    ruffecois_client.get("/cls/")
    with django_assert_max_num_queries(12) as captured:
        html = ruffecois_client.get("/cls/").content.decode()
    assert 'hreflang="' not in html
    assert not [query for query in captured if "translation_key" in query["sql"].split("WHERE")[-1]]

    aude_client.get("/cls-2/")
    with django_assert_max_num_queries(12) as captured:
        html = aude_client.get("/cls-2/").content.decode()
    assert 'hreflang="en"' in html
    assert [query for query in captured if "translation_key" in query["sql"].split("WHERE")[-1]]


def tree_queries(client, url):
    """The response to `url` and how many of its queries looked pages up by url_path."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len([q for q in captured if '"wagtailcore_page"."url_path" IN' in q["sql"]])


def test_a_page_served_once_is_routed_without_the_tree_query(
    aude_client, aude_site, page_cache_off
):
    action = ActionPage.objects.live().descendant_of(aude_site.root_page).first()
    first, looked_up = tree_queries(aude_client, action.url)
    assert first.status_code == 200 and looked_up == 1
    again, looked_up = tree_queries(aude_client, action.url)
    assert again.status_code == 200 and looked_up == 0
    assert again.content == first.content

    # A new slug for the axis moves the action: the route kept for its old URL goes (the
    # old URL now redirects, as Wagtail does when a published slug changes).
    old_url = action.url
    axis = action.get_parent().specific
    axis.slug = "axe-renomme"
    axis.save_revision().publish()
    action.refresh_from_db()
    assert "/axe-renomme/" in action.url
    moved = aude_client.get(old_url)
    assert moved.status_code == 301 and moved["Location"].endswith(action.url)
    assert aude_client.get(action.url).status_code == 200


def test_paths_a_page_routes_itself_or_that_lead_nowhere_are_not_kept(
    aude_client, aude_site, page_cache_off
):
    contract = ContractPage.objects.live().descendant_of(aude_site.root_page).first()
    for url, status in [(contract.url + "suivi/", 200), (contract.url + "nulle-part/", 404)]:
        for _ in range(2):
            response, looked_up = tree_queries(aude_client, url)
            assert response.status_code == status and looked_up == 1
