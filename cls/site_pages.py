"""The pages of the contract domain a new CLS site starts with: « Ma commune » and the
contract to complete (the « Nouveau site CLS » wizard, the demo)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.page_building import get_or_create_child

from .models import CommuneFinderPage, ContractPage, ContractStatus

COMMUNE_FINDER_SLUG = "ma-commune"
CONTRACT_SLUG = "contrat"


def create_commune_finder(home):
    """The published "Ma commune" page, in the main menu; the existing one if any."""
    return get_or_create_child(
        home,
        CommuneFinderPage,
        _("Ma commune"),
        slug=COMMUNE_FINDER_SLUG,
        intro=format_html(
            "<p>{}</p>",
            _(
                "Tapez le nom ou le code postal de votre commune : vous verrez si elle fait "
                "partie du territoire du contrat, les actions qui s'y déroulent, les prochains "
                "rendez-vous et qui contacter."
            ),
        ),
        show_in_menus=True,
    )


def create_contract_draft(home, title, communes, contact):
    """The contract page « en élaboration », saved as a draft with its territory: only the
    editors know its dates, summary and documents, and publish it once they are filled."""
    contract = ContractPage(
        title=title,
        slug=CONTRACT_SLUG,
        generation_label=_("CLS"),
        status=ContractStatus.DRAFTING,
        contact=contact,
        show_in_menus=True,
        live=False,
    )
    contract.communes = communes
    home.add_child(instance=contract)
    contract.save_revision()
    return contract
