"""Query budgets: every page type renders in at most 12 queries, whatever its size.

Counts are taken warm (second request: the site's menu, footer and settings are then
read from the cache, as on a running server) with the whole-page cache off. The
second test grows the Aude site to a realistic size (8 axes, 30 partners, 138
communes, an axis of 40 actions, 200 documents, 10 menu items, pages 5 levels deep)
and checks that no count moved.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, Locale

from cls.models import (
    ActionEvent,
    ActionFunder,
    ActionIndicator,
    ActionPage,
    ActionPartner,
    AxisPage,
    Commune,
    ContractPage,
    ContractPartner,
    DocumentCollectionPage,
    Organisation,
)
from contacts.models import ContactPage
from home.models import ContentPage, SitemapPage
from tests.factories import add_documents, make_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

BUDGET = 12


@pytest.fixture
def aude_pages(aude_site):
    """One page of each type on the Aude site, the deepest content page included."""
    home = aude_site.root_page.specific
    contract = ContractPage.objects.child_of(home).get()
    axis = AxisPage.objects.child_of(contract).get(title="Santé environnement")
    collection = Collection.get_first_root_node().add_child(name="Comptes-rendus")
    collection_page = contract.add_child(
        instance=DocumentCollectionPage(title="Comptes-rendus", collection=collection)
    )
    add_documents(collection, 10)
    with_logo = Organisation.objects.create(
        name="Partenaire au logo", locale=Locale.get_default(), logo=make_image("Logo", 320, 160)
    )
    ContractPartner.objects.create(page=contract, organisation=with_logo, role="Signataire")
    action = ActionPage.objects.descendant_of(contract).exclude(whole_territory=True).first()
    # Partners' logos come in one query (cls/includes/partners.html), however many there are.
    ActionPartner.objects.create(page=action, organisation=with_logo, role="Relais")
    deepest = home
    for level in range(1, 6):
        deepest = deepest.add_child(instance=ContentPage(title=f"Niveau {level}"))
    return {
        "home": home,
        "contract": contract,
        "axis": axis,
        "action": action,
        "collection": collection_page,
        "contact": ContactPage.objects.descendant_of(home).first(),
        "content": deepest,
        "sitemap": SitemapPage.objects.descendant_of(home).first(),
    }


def grow(pages):
    """Everything a large contract has, added to the pages measured."""
    home, contract, axis, action = (pages[key] for key in ("home", "contract", "axis", "action"))
    locale = Locale.get_default()
    for number in range(AxisPage.objects.child_of(contract).count(), 8):
        contract.add_child(instance=AxisPage(title=f"Axe {number + 1}", number=number + 1))
    organisations = [
        Organisation.objects.create(
            name=f"Partenaire {number}", locale=locale, logo=make_image(f"Logo {number}", 320, 160)
        )
        for number in range(30)
    ]
    for organisation in organisations:
        ContractPartner.objects.create(page=contract, organisation=organisation, role="Membre")
    contract.communes.add(Commune.objects.create(insee_code="11999", name="Commune en plus"))
    for number in range(40):
        axis.add_child(instance=ActionPage(title=f"Action {number}", code=f"4.{number}"))
    for organisation in organisations[:10]:
        ActionPartner.objects.create(page=action, organisation=organisation, role="Relais")
        ActionFunder.objects.create(page=action, organisation=organisation, amount=1000)
    for number in range(10):
        ActionIndicator.objects.create(page=action, label=f"Indicateur {number}", target="10")
        ActionEvent.objects.create(
            page=action,
            title=f"Rendez-vous {number}",
            start=datetime.datetime(2026, 5, 1 + number, 14, tzinfo=datetime.UTC),
            commune=Commune.objects.get(insee_code="11999"),
        )
    action.communes.add(*Commune.objects.all()[:20])
    add_documents(pages["collection"].specific.collection, 190)
    in_menu = ContentPage.objects.child_of(home).filter(show_in_menus=True).count()
    for number in range(in_menu, 10):
        home.add_child(instance=ContentPage(title=f"Rubrique {number}", show_in_menus=True))
    # Editors publish through revisions, which empties the cached menus; these pages were
    # created directly.
    cache.clear()


def query_counts(client, pages):
    counts = {}
    for name, page in pages.items():
        client.get(page.url)  # warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        assert response.status_code == 200, name
        assert "X-Page-Cache" not in response, name  # the page itself, not the page cache
        counts[name] = len(captured)
    return counts


def test_every_page_type_renders_within_the_budget(aude_client, aude_pages):
    counts = query_counts(aude_client, aude_pages)
    assert max(counts.values()) <= BUDGET, counts


def test_query_counts_do_not_grow_with_the_content(aude_client, aude_pages):
    before = query_counts(aude_client, aude_pages)
    grow(aude_pages)
    after = query_counts(aude_client, aude_pages)
    assert after == before
    assert max(after.values()) <= BUDGET, after
    axis_html = aude_client.get(aude_pages["axis"].url).content.decode()
    assert "Action 39" in axis_html
    home_html = aude_client.get(aude_pages["home"].url).content.decode()
    assert "Rubrique 9" in home_html


def test_english_pages_stay_within_the_budget(aude_client, aude_pages):
    english = {
        name: page.get_translation(Locale.objects.get(language_code="en"))
        for name, page in aude_pages.items()
        if page.has_translation(Locale.objects.get(language_code="en"))
    }
    assert {"home", "contract", "axis"} <= english.keys()
    counts = query_counts(aude_client, {k: p for k, p in english.items() if p.live})
    assert max(counts.values()) <= BUDGET, counts


def test_english_sub_routes_stay_within_the_budget(aude_client):
    """Routable pages' sub-routes, whose language switcher keeps the sub-route: the
    tracker with filters, the agenda's archives, an event (its id in French too), a
    commune, the news filtered by a translated tag."""
    event = ActionEvent.objects.filter(locale__language_code="en").first()
    urls = [
        "/en/cls-2/suivi/?axe=axe-2&etat=en-cours",
        "/en/agenda/archives/",
        f"/en/agenda/{event.pk}/",
        "/en/ma-commune/11206/",
        "/en/actualites/?tag=prevention",
    ]
    counts = {}
    for url in urls:
        aude_client.get(url)  # warm
        with CaptureQueriesContext(connection) as captured:
            assert aude_client.get(url).status_code == 200, url
        counts[url] = len(captured)
    assert max(counts.values()) <= BUDGET, counts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own statements")
def test_postgresql_reuses_the_plans_of_the_queries_pages_repeat(aude_client):
    """Pages repeat the same statements with other values: PostgreSQL plans them once per
    connection (settings: server-side binding, prepare_threshold)."""
    for _ in range(3):
        assert aude_client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "home_homepage"' in statement for statement in prepared)


def test_partner_logos_cost_one_query_even_when_the_cache_is_empty(aude_client, aude_pages):
    """Wagtail looks each rendition up in the cache, then in the database: the contract
    page prefetches its partners' logos instead."""
    contract = aude_pages["contract"]

    def queries_with_an_empty_cache():
        aude_client.get(contract.url)  # the renditions exist from now on
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = aude_client.get(contract.url)
        return len(captured), response.content.decode().count('class="partner__logo"')

    queries, logos = queries_with_an_empty_cache()
    for number in range(10):
        organisation = Organisation.objects.create(
            name=f"Partenaire {number}", locale=Locale.get_default(), logo=make_image(f"L{number}")
        )
        ContractPartner.objects.create(page=contract, organisation=organisation, role="Membre")
    assert queries_with_an_empty_cache() == (queries, logos + 10)
