"""The benchmark corpus builder makes real sites: routable pages, served documents, search."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape
from wagtail.models import Page, Site

from bench.corpus import build_corpus
from cls.models import ActionPage, SiteDocument

pytestmark = pytest.mark.django_db

# home, 4 legal pages, contact page, contract, 3 content pages, 2 axes, document list, 6 actions
PAGES_PER_SITE = 19


@pytest.fixture
def bench_hosts():
    return build_corpus(sites=2, axes=2, actions_per_axis=3, documents_per_site=3)


def test_a_visitor_gets_every_page_and_document_of_a_bench_site(bench_hosts):
    assert bench_hosts == ["bench-001.localhost", "bench-002.localhost"]
    assert all(not problems for problems in Page.find_problems())  # a sound tree
    site = Site.objects.get(hostname=bench_hosts[0])
    pages = site.root_page.get_descendants(inclusive=True).live().specific()
    assert len(pages) == PAGES_PER_SITE
    client = Client(HTTP_HOST=bench_hosts[0])
    for page in pages:
        assert client.get(page.get_url()).status_code == 200, page.url_path
    action = ActionPage.objects.descendant_of(site.root_page).first()
    assert action.summary in client.get(action.get_url()).content.decode()
    documents = SiteDocument.objects.filter(collection__name=f"Banc d'essai {bench_hosts[0]}")
    assert documents.count() == 3
    for document in documents:
        assert client.get(document.url).status_code == 200


def search(hostname, **params):
    response = Client(HTTP_HOST=hostname).get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_bench_sites_are_searchable_each_on_its_own(bench_hosts):
    call_command("update_index", stdout=io.StringIO())
    first, second = bench_hosts
    html = search(first, q="contrat local")
    assert "Contrat local de santé du Pays de" in html
    # Each site's names end with its number: the other site's never show.
    assert "(001)" in html and "(002)" not in html
    minutes = SiteDocument.objects.filter(collection__name=f"Banc d'essai {first}")
    minutes = minutes.filter(file__endswith=".txt").first()
    html = search(first, q=minutes.title, type="document")
    assert escape(minutes.title) in html


def test_rebuilding_the_corpus_keeps_the_existing_sites(bench_hosts):
    pages = Page.objects.count()
    assert build_corpus(sites=2, axes=2, actions_per_axis=3, documents_per_site=3) == bench_hosts
    assert Page.objects.count() == pages
