"""The demo loader builds two complete sites, and running it again changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from cls.models import ActionPage, AxisPage, Commune, ContractPage, Organisation, SiteDocument
from contacts.models import ContactCard

pytestmark = pytest.mark.django_db


def contract_of(site):
    return ContractPage.objects.descendant_of(site.root_page).get()


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "path", "title", "live")),
        "revisions": Revision.objects.count(),
        "documents": list(SiteDocument.objects.order_by("pk").values_list("pk", "file")),
        "communes": Commune.objects.count(),
        "organisations": Organisation.objects.count(),
        "contacts": ContactCard.objects.count(),
        "sites": list(Site.objects.order_by("pk").values_list("hostname", "root_page")),
        "users": get_user_model().objects.count(),
    }


def test_two_sites_answer_on_their_own_host_names(aude_site, ruffecois_site):
    assert aude_site.is_default_site
    assert aude_site.root_page.title == "CLS 2 Moyenne et Haute Vallée de l'Aude"
    assert ruffecois_site.root_page.title == "CLS du Pays du Ruffécois"


def test_aude_contract_has_five_axes_its_actions_and_137_communes(aude_site):
    contract = contract_of(aude_site)
    axes = AxisPage.objects.child_of(contract)
    assert axes.count() == 5
    actions = ActionPage.objects.descendant_of(contract)
    assert set(actions.values_list("title", flat=True)) == {
        "Parlons santé",
        "Dépistages diabète",
        "Semaine bleue",
    }
    # The official geographic code (2026) counts 137 communes; the seed page said 138.
    assert contract.territory_totals["count"] == 137
    assert contract.communes.filter(name="Espéraza", insee_code="11129").exists()
    assert contract.territory_totals["population"] > 40_000


def test_ruffecois_contract_has_three_axes_plus_transversal_mobility(ruffecois_site):
    contract = contract_of(ruffecois_site)
    axes = AxisPage.objects.child_of(contract)
    assert axes.count() == 4
    transversal = axes.get(is_transversal=True)
    assert transversal.title == "La mobilité"
    assert len(contract.health_problems) == 7
    assert ActionPage.objects.descendant_of(contract).count() == 5
    assert contract.communes.count() == 80


def test_ruffecois_minutes_from_2014_to_2017_are_real_pdfs(ruffecois_site):
    minutes = SiteDocument.objects.filter(
        collection__name="CLS du Pays du Ruffécois", document_type="compte-rendu"
    )
    assert minutes.count() == 12
    assert {document.date.year for document in minutes} == {2014, 2015, 2017}
    first = minutes.get(title="Compte-rendu du 2 octobre 2014")
    with first.open_file() as pdf_file:
        assert pdf_file.read(5) == b"%PDF-"
    assert "Accès soins / droits" in first.extracted_text


def test_loading_the_demo_twice_changes_nothing():
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == before
    assert "existe déjà" in output.getvalue()


def test_demo_admin_account_is_created_with_a_printed_random_password():
    User = get_user_model()
    User.objects.filter(username="admin").delete()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    printed = output.getvalue().split("mot de passe « ")[1].split(" »")[0]
    assert admin.check_password(printed)
