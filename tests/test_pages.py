"""Every page type renders for visitors and shows what editors filled in."""

import pytest
from wagtail.models import PageViewRestriction

from cls.models import ActionPage, AxisPage, ContractPage, DocumentCollectionPage, SiteDocument
from contacts.models import ContactPage
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def get_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def relative_url(page):
    return page.relative_url(page.get_site())


def test_home_page_presents_the_featured_contract_and_menu(aude_client):
    html = get_html(
        aude_client, ContractPage.objects.get(slug="cls-2", locale__language_code="fr").get_parent()
    )
    assert "Contrat Local de Santé 2" in html
    assert 'href="#contenu"' in html  # skip link
    assert 'aria-label="Menu principal"' in html
    assert "Contacter la mission santé" in html  # menu item from the page tree
    assert "Accessibilité\u00a0: non conforme" in html


def test_contract_page_shows_axes_partners_territory_and_key_documents(aude_client):
    contract = ContractPage.objects.get(slug="cls-2", locale__language_code="fr")
    html = get_html(aude_client, contract)
    for axis in AxisPage.objects.child_of(contract):
        assert f'<a href="{relative_url(axis)}">' in html and axis.title in html
    assert f'<a href="{relative_url(contract)}suivi/">Suivi des actions' in html
    assert "Communauté de Communes du Limouxin" in html
    assert "137" in html  # computed commune count
    assert "Espéraza" in html
    assert "Diagnostic santé - Pyrénées Audoises et Limouxin" in html
    assert "PDF" in html
    assert "Élise Roussel" in html
    assert (
        'aria-label="Fil d&#x27;Ariane"' in html or "Fil d’Ariane" in html or "Fil d'Ariane" in html
    )


def test_contract_page_links_its_other_public_children_apart_from_its_axes(aude_client):
    contract = ContractPage.objects.get(slug="cls-2", locale__language_code="fr")
    contract.add_child(instance=ContentPage(title="Boîte à outils", slug="outils"))
    private = contract.add_child(instance=ContentPage(title="Espace des élus", slug="elus"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = get_html(aude_client, contract)
    resources = html[html.index('<h2 id="more-title">Documents et ressources</h2>') :]
    assert f'<li><a href="{relative_url(contract)}outils/">Boîte à outils</a></li>' in resources
    assert "Espace des élus" not in html
    axes = html[html.index('<h2 id="axes-title">') :]
    axes = axes[: axes.index("</section>")]
    assert axes.count('class="card axis-card') == AxisPage.objects.child_of(contract).count()


def test_axis_page_lists_its_actions_with_their_status_in_words(aude_client):
    axis = AxisPage.objects.get(title="Prévention et promotion de la santé")
    html = get_html(aude_client, axis)
    assert "Axe 2" in html
    assert "Parlons santé" in html
    assert "Dépistages diabète" in html
    assert "En cours" in html
    assert "Reconduite" in html
    assert "Élise Roussel" in html  # the contract's mission officer
    assert 'href="tel:+33465710034"' in html


def test_an_action_card_links_the_sheet_with_its_code_status_summary_and_pilot(aude_client):
    action = ActionPage.objects.get(title="Dépistages diabète")
    action.title = "Dépistages <diabète> & suivi"
    action.summary = "Des journées de dépistage dans les communes."
    action.save_revision().publish()
    html = get_html(aude_client, action.get_parent())
    card = html[html.index(f'<a href="{relative_url(action)}">') :]
    card = card[: card.index("</article>")]
    assert '<span class="action-code">2.2</span> Dépistages &lt;diabète&gt; &amp; suivi</a>' in card
    assert '<span class="status status--en-cours">En cours</span>' in card
    assert "<p>Des journées de dépistage dans les communes.</p>" in card
    assert (
        '<p class="card__pilot">Pilote\u00a0: Communauté de Communes des Pyrénées Audoises</p>'
        in card
    )


def test_action_page_shows_every_filled_field(aude_client):
    action = ActionPage.objects.get(title="Dépistages diabète")
    html = get_html(aude_client, action)
    assert "2.2" in html
    assert "En cours" in html
    assert "Communauté de Communes des Pyrénées Audoises" in html  # pilot
    assert "Tout public" in html  # target public
    assert "Quillan" in html and "Espéraza" in html  # chosen communes
    assert "Journée de dépistage du diabète" in html
    assert "14 novembre 2026" in html
    assert "Personnes dépistées" in html and "212" in html  # indicator
    assert 'href="tel:+33465710034"' in html  # contact card phone
    assert "mailto:" not in html


def test_document_collection_lists_minutes_by_year_with_format_and_size(ruffecois_client):
    page = DocumentCollectionPage.objects.get(title__contains="Accès soins / droits")
    html = get_html(ruffecois_client, page)
    assert "Compte-rendu du 2 octobre 2014" in html
    assert "Compte-rendu du 10 avril 2017" in html
    assert "Compte-rendu du 1er octobre 2014" not in html  # a "Mieux vieillir" minute
    assert html.index("2017") < html.index("2014")  # newest year first
    assert "PDF" in html and "Ko" in html


def test_visitor_downloads_a_minute(ruffecois_client):
    document = SiteDocument.objects.get(title="Compte-rendu du 2 octobre 2014")
    response = ruffecois_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_contact_page_shows_a_labelled_form(aude_client):
    html = get_html(
        aude_client, ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")
    )
    assert "<form" in html
    assert "Votre message" in html
    assert "csrfmiddlewaretoken" in html


def test_content_page_renders(ruffecois_client, ruffecois_site):
    page = ruffecois_site.root_page.add_child(
        instance=ContentPage(title="Le Pays en bref", intro="Quatre-vingts communes.")
    )
    html = get_html(ruffecois_client, page)
    assert "<h1>Le Pays en bref</h1>" in html
    assert '<p class="intro">Quatre-vingts communes.</p>' in html


def test_search_finds_an_action(aude_client):
    response = aude_client.get("/recherche/", {"q": "diabète"})
    assert response.status_code == 200
    assert "Dépistages diabète" in response.content.decode()
