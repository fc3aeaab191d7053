"""Contract generations (CLS 1 → CLS 2 → CLS 3) and the actions carried over between them."""

import datetime
import re

import pytest
from django.utils.text import slugify
from wagtail.models import Locale

from cls.models import ActionPage, Amendment, AxisPage, ContractPage, in_generation_order
from home.demo.translation import translate
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def aude_home(aude_site):
    return aude_site.root_page.specific


@pytest.fixture
def cls2(aude_home):
    return ContractPage.objects.child_of(aude_home).get(slug="cls-2")


def add_contract(home, label, **fields):
    contract = ContractPage(
        title=f"Contrat local de santé – {label}",
        slug=slugify(label),
        generation_label=label,
        **fields,
    )
    home.add_child(instance=contract)
    contract.save_revision().publish()
    return contract


def publish(page):
    page.save_revision().publish()


def add_child(parent, page):
    page.slug = slugify(page.title)
    parent.add_child(instance=page)
    publish(page)
    return page


def add_first_edition(cls1):
    """An axis and an action of the CLS 1."""
    axis = add_child(cls1, AxisPage(title="Prévention", number=1))
    return add_child(axis, ActionPage(title="Parlons santé (première édition)", code="1.1"))


@pytest.fixture
def three_generations(aude_home, cls2):
    """A CLS 1 before the demo's CLS 2 and a CLS 3 in preparation after it."""
    cls3 = add_contract(
        aude_home, "CLS 3", status="elaboration", start_date=datetime.date(2028, 1, 1)
    )
    cls1 = add_contract(
        aude_home,
        "CLS 1",
        status="echu",
        start_date=datetime.date(2013, 6, 1),
        end_date=datetime.date(2017, 12, 31),
    )
    cls1.amendments = [
        Amendment(date=datetime.date(2015, 3, 2), subject="Ajout d'un axe santé mentale"),
        Amendment(date=datetime.date(2016, 9, 12), subject="Prolongation d'un an"),
    ]
    publish(cls1)
    cls2.previous_generation = cls1
    publish(cls2)
    cls3.previous_generation = cls2
    publish(cls3)
    return cls1, cls2, cls3


def timeline_of(html):
    match = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.DOTALL)
    assert match, "no timeline on the page"
    return match.group(1)


def test_the_home_page_shows_the_generations_oldest_first(aude_client, three_generations):
    timeline = timeline_of(aude_client.get("/").content.decode())
    labels = re.findall(r'<h3 class="card__title"><a href="[^"]+">(CLS \d)', timeline)
    assert labels == ["CLS 1", "CLS 2", "CLS 3"]
    assert (
        '<h2 id="generations-title">Les générations du contrat</h2>'
        in aude_client.get("/").content.decode()
    )


def test_each_generation_shows_its_period_status_and_amendments(aude_client, three_generations):
    cls1, cls2, cls3 = three_generations
    timeline = timeline_of(aude_client.get("/").content.decode())
    cls1_item, cls2_item, cls3_item = timeline.split('<li class="timeline__item">')[1:]
    assert f'href="/{cls1.slug}/"' in cls1_item
    assert "Échu" in cls1_item
    assert '<time datetime="2013-06-01">1er juin 2013</time>' in cls1_item
    assert '<time datetime="2017-12-31">31 décembre 2017</time>' in cls1_item
    assert "2 avenants\u00a0:" in cls1_item
    assert "Ajout d’un axe santé mentale" in cls1_item and "Prolongation d’un an" in cls1_item
    assert "En cours" in cls2_item and "Période non renseignée." in cls2_item
    assert "Aucun avenant." in cls2_item
    assert "En élaboration" in cls3_item


def test_the_order_follows_the_previous_generation_links_before_the_dates():
    cls1 = ContractPage(pk=1, path="0001", start_date=datetime.date(2030, 1, 1))
    cls2 = ContractPage(pk=2, path="0002", previous_generation_id=1)
    cls3 = ContractPage(
        pk=3, path="0003", previous_generation_id=2, start_date=datetime.date(2000, 1, 1)
    )
    assert in_generation_order([cls3, cls2, cls1]) == [cls1, cls2, cls3]
    # A loop entered by mistake does not hang the home page.
    cls1.previous_generation_id = 3
    assert sorted(in_generation_order([cls3, cls2, cls1]), key=lambda c: c.pk) == [cls1, cls2, cls3]


def test_a_site_with_a_single_contract_shows_no_timeline(ruffecois_client):
    assert '<ol class="timeline">' not in ruffecois_client.get("/").content.decode()


def test_carried_over_actions_link_to_each_other_both_ways(aude_client, three_generations):
    cls1, cls2, _ = three_generations
    first = add_first_edition(cls1)
    current = ActionPage.objects.descendant_of(cls2).get(code="2.1")
    current.carried_over_from = first
    publish(current)

    html = aude_client.get("/cls-2/axe-2/parlons-sante/").content.decode()
    assert (
        f'Action reconduite du CLS 1\u00a0: <a href="/{cls1.slug}/prevention/'
        'parlons-sante-premiere-edition/">Parlons santé (première édition)</a>'
    ) in html
    html = aude_client.get(
        f"/{cls1.slug}/prevention/parlons-sante-premiere-edition/"
    ).content.decode()
    assert (
        'Reconduite dans le CLS 2\u00a0: <a href="/cls-2/axe-2/parlons-sante/">Parlons santé</a>'
        in html
    )


def test_carried_over_links_stay_in_the_english_edition(
    aude_client, three_generations, django_capture_on_commit_callbacks
):
    cls1, cls2, _ = three_generations
    first = add_first_edition(cls1)
    current = ActionPage.objects.descendant_of(cls2).get(code="2.1")
    current.carried_over_from = first
    publish(current)
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        for page in (cls1, first.get_parent(), first, current):
            translate(page, english, {})
    # The link is synchronised: the English action still points to the French page.
    assert current.get_translation(english).carried_over_from_id == first.pk

    html = aude_client.get("/en/cls-2/axe-2/parlons-sante/").content.decode()
    assert 'href="/en/cls-1/prevention/parlons-sante-premiere-edition/"' in html
    html = aude_client.get("/en/cls-1/prevention/parlons-sante-premiere-edition/").content.decode()
    assert 'href="/en/cls-2/axe-2/parlons-sante/">Let&#x27;s talk health</a>' in html


def test_each_contract_links_its_previous_and_next_generations(aude_client, three_generations):
    cls1, _, cls3 = three_generations
    html = aude_client.get("/cls-2/").content.decode()
    assert f'Génération précédente\u00a0: <a href="/{cls1.slug}/">{cls1.title}</a>' in html
    assert f'Génération suivante\u00a0: <a href="/{cls3.slug}/">{cls3.title}</a>' in html
    html = aude_client.get(f"/{cls1.slug}/").content.decode()
    assert "Génération précédente" not in html
    assert 'Génération suivante\u00a0: <a href="/cls-2/">' in html


def test_the_english_contract_links_the_english_generations(
    aude_client, three_generations, django_capture_on_commit_callbacks
):
    cls1, cls2, cls3 = three_generations
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate(cls1, english, {cls1.title: "Local health contract – CLS 1"})
        translate(cls2, english, {})
    english_cls2 = cls2.get_translation(english)
    # The link is synchronised: the English CLS 2 still points to the French CLS 1.
    assert english_cls2.specific.previous_generation_id == cls1.pk

    html = aude_client.get("/en/cls-2/").content.decode()
    assert (
        f'Previous generation: <a href="/en/{cls1.slug}/">Local health contract – CLS 1</a>' in html
    )
    # The CLS 3 has no English edition yet: its French page, named in French.
    assert f'Next generation: <a href="/{cls3.slug}/">{cls3.title}</a>' in html
    html = aude_client.get(f"/en/{cls1.slug}/").content.decode()
    assert f'Next generation: <a href="/en/cls-2/">{english_cls2.title}</a>' in html
    # The French pages keep linking the French generations.
    html = aude_client.get(f"/{cls1.slug}/").content.decode()
    assert f'Génération suivante\u00a0: <a href="/cls-2/">{cls2.title}</a>' in html


def test_an_unpublished_successor_is_not_linked(aude_client, three_generations):
    cls1, cls2, _ = three_generations
    current = ActionPage.objects.descendant_of(cls2).get(code="2.1")
    first = add_first_edition(cls1)
    current.carried_over_from = first
    publish(current)
    current.unpublish()
    html = aude_client.get(
        f"/{cls1.slug}/prevention/parlons-sante-premiere-edition/"
    ).content.decode()
    assert "Reconduite dans" not in html


def test_action_page_queries_do_not_grow_with_carried_over_links(
    aude_client, three_generations, page_cache_off, django_assert_max_num_queries
):
    cls1, cls2, cls3 = three_generations
    current = ActionPage.objects.descendant_of(cls2).get(code="2.1")
    url = "/cls-2/axe-2/parlons-sante/"

    def count():
        aude_client.get(url)
        with django_assert_max_num_queries(45) as captured:
            assert aude_client.get(url).status_code == 200
        return len(captured)

    axis = add_child(cls3, AxisPage(title="Suite", number=1))
    add_child(axis, ActionPage(title="Suite 1", code="1.1", carried_over_from=current))
    one = count()
    for number in range(2, 6):
        add_child(
            axis, ActionPage(title=f"Suite {number}", code=f"1.{number}", carried_over_from=current)
        )
    assert count() == one
    assert "Suite 5" in aude_client.get(url).content.decode()
    print(f"action page with carried-over links: {one} queries")


def test_the_home_page_queries_do_not_grow_with_generations(
    aude_client, aude_home, page_cache_off, django_assert_max_num_queries
):

    def count():
        aude_client.get("/")
        with django_assert_max_num_queries(40) as captured:
            assert aude_client.get("/").status_code == 200
        return len(captured)

    add_contract(aude_home, "CLS 1", status="echu")
    two = count()
    for number in range(3, 7):
        contract = add_contract(aude_home, f"CLS {number}")
        contract.amendments = [Amendment(date=datetime.date(2030, 1, 1), subject="Avenant")]
        publish(contract)
    assert count() == two
    print(f"home page: {two} queries")


def test_home_page_type_offers_the_agenda_and_news_index():
    assert {"home.NewsIndexPage", "cls.AgendaPage"} <= set(HomePage.subpage_types)
