"""The pages of the contract domain a new CLS site starts with: « Ma commune », the
agenda and the contract to complete (the « Nouveau site CLS » wizard, the demo)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.page_building import get_or_create_child

from .models import AgendaPage, CommuneFinderPage, ContractPage, ContractStatus

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


def create_agenda(home, intro=None):
    """The published agenda, in the main menu; the existing one if any. It lists itself
    the events the action sheets announce: published empty, it fills as they do."""
    intro = intro or _(
        "Les rendez-vous des actions du contrat local de santé : ils s'ajoutent ici dès "
        "qu'une fiche action en annonce un."
    )
    return get_or_create_child(
        home,
        AgendaPage,
        _("Agenda"),
        slug="agenda",
        intro=format_html("<p>{}</p>", intro),
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
