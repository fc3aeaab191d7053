"""Public pages never show a page or a document an anonymous visitor may not open: not its
link, not its title, not in a card nor a list, even when the page was cached before."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cls.models import ActionDocument, ActionPage, ContractPage, DocumentCollectionPage
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def make_collection_private(collection):
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )


@pytest.fixture
def aude_contract(aude_site):
    return ContractPage.objects.child_of(aude_site.root_page).get()


def test_a_login_restricted_contract_leaves_the_home_page(aude_client, aude_contract):
    assert aude_contract.title in html_of(aude_client, "/")  # cached from now on
    PageViewRestriction.objects.create(page=aude_contract, restriction_type="login")
    html = html_of(aude_client, "/")
    assert aude_contract.title not in html
    assert f'href="{aude_contract.url}"' not in html
    assert "Le contrat en cours" not in html
    assert aude_client.get(aude_contract.url).status_code == 302  # to the login page


def test_a_news_page_does_not_list_a_password_protected_action(aude_client):
    url = "/actualites/depistage-gratuit-du-diabete-a-quillan/"
    assert "Dépistages diabète</a>" in html_of(aude_client, url)
    action = ActionPage.objects.get(title="Dépistages diabète", locale__language_code="fr")
    PageViewRestriction.objects.create(page=action, restriction_type="password", password="x")
    html = html_of(aude_client, url)
    assert "Dépistages diabète" not in html
    assert action.url not in html


def test_a_document_list_without_collection_shows_only_its_own_sites_documents(
    ruffecois_client, ruffecois_site
):
    contract = ContractPage.objects.child_of(ruffecois_site.root_page).get()
    listing = contract.add_child(instance=DocumentCollectionPage(title="Tous nos documents"))
    listing.save_revision().publish()
    html = html_of(ruffecois_client, listing.url)
    assert "Diagnostic santé social du territoire Ruffécois" in html
    assert "Contrat Local de Santé du PETR du Pays du Ruffécois" in html
    assert "Pyrénées Audoises" not in html  # the other territory's diagnostic
    assert "Limouxin" not in html


def test_a_private_documents_title_never_shows_on_the_pages_linking_it(
    aude_client, aude_site, aude_contract
):
    diagnostic = aude_contract.diagnostic_document
    action = ActionPage.objects.descendant_of(aude_contract).filter(locale=aude_contract.locale)[0]
    ActionDocument.objects.create(page=action, document=diagnostic)
    page = aude_site.root_page.add_child(
        instance=ContentPage(
            title="Nos documents", body=[("document", {"document": diagnostic, "title": ""})]
        )
    )
    page.save_revision().publish()
    for url in (aude_contract.url, action.url, page.url):
        assert diagnostic.title in html_of(aude_client, url), url  # and cached

    private = Collection.get_first_root_node().add_child(name="Documents de travail")
    diagnostic.collection = private
    diagnostic.save()
    make_collection_private(private)
    for url in (aude_contract.url, action.url, page.url):
        html = html_of(aude_client, url)
        assert diagnostic.title not in html, url
        assert diagnostic.url not in html, url

    member = get_user_model().objects.create_user("membre", "membre@example.org", "x")
    aude_client.force_login(member)
    assert diagnostic.title in html_of(aude_client, aude_contract.url)


def test_a_private_earlier_generation_is_not_linked(aude_client, aude_site, aude_contract):
    earlier = aude_site.root_page.add_child(
        instance=ContractPage(title="CLS 1 de la Haute Vallée", generation_label="CLS 1")
    )
    earlier.save_revision().publish()
    aude_contract.previous_generation = earlier
    aude_contract.save_revision().publish()
    assert "CLS 1 de la Haute Vallée" in html_of(aude_client, aude_contract.url)
    PageViewRestriction.objects.create(page=earlier, restriction_type="login")
    assert "CLS 1 de la Haute Vallée" not in html_of(aude_client, aude_contract.url)
    assert "CLS 1 de la Haute Vallée" not in html_of(aude_client, "/")
