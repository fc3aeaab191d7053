"""Demo site: CLS 2 of the Moyenne et Haute Vallée de l'Aude (seeds/cls2-pyrenees-audoises.txt).

From the public page (aude_source.py): the definition, the partners, the approach, the
five axes, the 138 communes and what the contract does there, the three yearly actions
and the diagnostic. The communes are the official list (137, explained on the contract
page). The details of the three actions (summaries, states, events, indicators) and the
news are examples, marked « Exemple »; the diagnostic PDF is a reconstruction
(documents.py); the mission officer is fictional, with a number from the range kept for
fiction and an example.org address.
"""

import datetime
from zoneinfo import ZoneInfo

from cls.communes_france import ensure_communes_of_epcis
from cls.models import (
    ActionEvent,
    ActionIndicator,
    ActionPage,
    AxisPage,
    ContractPage,
    ContractPartner,
    DocumentType,
    Organisation,
    TargetPublic,
)
from cls.site_pages import create_commune_finder
from contacts.default_page import create_contact_page
from contacts.models import ContactCard
from home.models import HomePage
from home.page_building import get_or_create_child, get_or_create_site

from . import aude_source as source
from . import documents, news_and_events
from .builder import (
    get_or_create_collection,
    get_or_create_organisation,
    get_or_create_report,
)
from .common import (
    build_legal_pages,
    bullet_list,
    demo_settings,
    paragraphs,
    rich,
)
from .identity import AUDE, apply_identity

HOSTNAME = "localhost"
PARIS = ZoneInfo("Europe/Paris")
PUBLISHER = "Communauté de Communes des Pyrénées Audoises"

TERRITORY = (
    "Selon sa page publique, le CLS s'applique sur les 138 communes du territoire des deux "
    "Communautés de Communes. La liste officielle des communes (Code officiel géographique "
    "2026 de l'INSEE) en compte 137 : 61 pour les Pyrénées Audoises et 76 pour le Limouxin. "
    "Ce site suit cette liste ; l'écart d'une commune peut venir d'une fusion de communes ou "
    "d'un changement de périmètre depuis la rédaction de la page."
)
HOME_INTRO = (
    "Le CLS 2 de la Moyenne et Haute Vallée de l'Aude est un partenariat entre la Communauté "
    "de Communes des Pyrénées Audoises, la Communauté de Communes du Limouxin et l'Agence "
    "Régionale de Santé : une démarche « contractuelle, partenariale et intersectorielle »."
)
SUMMARY = f"{source.HEADLINE}. {source.APPROACH}"
COMMUNES_FIGURE = "communes au Code officiel géographique 2026 (138 selon le contrat)"
# The page names the actions, not their details.
EXAMPLE_ACTION_NOTE = (
    "L'action « {title} » figure sur la page publique du contrat, qui dit seulement qu'elle "
    "est mise en place chaque année : le reste de cette fiche (résumé, état, rendez-vous, "
    "indicateurs) est un exemple."
)


def build():
    site = get_or_create_site(
        HOSTNAME,
        HomePage,
        "CLS 2 Moyenne et Haute Vallée de l'Aude",
        is_default_site=True,
        intro=rich(HOME_INTRO),
    )
    home = site.root_page.specific
    collection = get_or_create_collection("CLS 2 Haute Vallée de l'Aude")
    pyrenees = get_or_create_organisation(
        PUBLISHER,
        kind=Organisation.Kind.LOCAL_AUTHORITY,
        url="https://example.org/pyrenees-audoises",
    )
    limouxin = get_or_create_organisation(
        "Communauté de Communes du Limouxin", kind=Organisation.Kind.LOCAL_AUTHORITY
    )
    ars = get_or_create_organisation(
        "Agence Régionale de Santé Occitanie", acronym="ARS", kind=Organisation.Kind.STATE
    )
    officer = ContactCard.objects.filter(name="Élise Roussel").first()
    if not officer:
        officer = ContactCard.objects.create(
            name="Élise Roussel",
            role=source.OFFICER_ROLE,
            organisation=pyrenees,
            email="elise.roussel@example.org",
            phone="04 65 71 00 34",  # the range ARCEP keeps for fiction
            address=f"{PUBLISHER}\n11500 Quillan",
            opening_hours="Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h",
        )
    # CC Pyrénées audoises and CC du Limouxin: 137 communes.
    communes = ensure_communes_of_epcis(["200043776", "200071926"])

    contract = ContractPage.objects.child_of(home).filter(slug="cls-2").first()
    if not contract:
        diagnostic = get_or_create_report(
            collection,
            documents.aude_diagnostic(),
            "diagnostic-sante-pyrenees-audoises-limouxin.pdf",
            document_type=DocumentType.DIAGNOSTIC,
            description=f"{source.DIAGNOSTIC_DESCRIPTION} "
            + documents.reconstruction(source.ORIGINAL_DIAGNOSTIC),
        )
        contract = ContractPage(
            title="Contrat Local de Santé 2",
            slug="cls-2",
            generation_label="CLS 2",
            status="en-cours",
            summary=SUMMARY,
            definition=paragraphs(*source.DEFINITION),
            objectives=[("objective", text) for text in source.MISSIONS],
            body=[
                ("heading", {"text": "Les actions", "level": "h2"}),
                ("paragraph", rich(source.ACTIONS_INTRO) + bullet_list(source.ACTIONS)),
                ("heading", {"text": "Le diagnostic santé", "level": "h2"}),
                ("paragraph", rich(source.DIAGNOSTIC_OUTCOME)),
            ],
            territory_description=TERRITORY,
            diagnostic_document=diagnostic,
            contact=officer,
            show_in_menus=True,
        )
        contract.communes = communes
        # The page calls them partners; it does not say who signed.
        contract.partners = [
            ContractPartner(organisation=organisation) for organisation in (pyrenees, limouxin, ars)
        ]
        home.add_child(instance=contract)
        contract.save_revision().publish()

    axes = {
        number: get_or_create_child(
            contract,
            AxisPage,
            title,
            slug=f"axe-{number}",
            number=number,
            colour=colour,
            description=rich(text),
        )
        for number, title, colour, text in source.AXES
    }
    build_actions(axes, pyrenees, officer, communes)
    news_and_events.build_aude(home)

    if not home.featured_contract_id:
        home.featured_contract = contract
        home.key_figures = [
            ("figure", {"value": "137", "label": COMMUNES_FIGURE}),
            ("figure", {"value": "5", "label": "axes stratégiques"}),
            ("figure", {"value": "2", "label": "communautés de communes"}),
        ]
        home.save_revision().publish()

    create_commune_finder(home)
    create_contact_page(home, officer)
    build_legal_pages(home, officer)
    demo_settings(site, PUBLISHER)
    shapes = ["care", "prevention", "seniors", "environment", "mental_health"]
    apply_identity(site, AUDE, contract, {axes[number]: shapes[number - 1] for number in axes})
    return site


def example_action(axis, title, code, **fields):
    return get_or_create_child(
        axis,
        ActionPage,
        title,
        code=code,
        recurrence="annuelle",  # the page: "chaque année"
        example_note=EXAMPLE_ACTION_NOTE.format(title=title),
        **fields,
    )


def build_actions(axes, pilot, officer, communes):
    prevention, seniors = axes[2], axes[3]
    everyone = TargetPublic.objects.get(code="tous")
    elderly = TargetPublic.objects.get(code="seniors")
    parlons = example_action(
        prevention,
        "Parlons santé",
        "2.1",
        status="reconduite",
        summary="Des rencontres-débats ouvertes à tous autour d'un thème de santé.",
        objectives=rich("Informer les habitants et faire connaître les ressources locales."),
        pilot=pilot,
        contact=officer,
    )
    diabetes = example_action(
        prevention,
        "Dépistages diabète",
        "2.2",
        status="en-cours",
        summary="Des journées de dépistage gratuit du diabète au plus près des habitants.",
        pilot=pilot,
        contact=officer,
    )
    semaine_bleue = example_action(
        seniors,
        "Semaine bleue",
        "3.1",
        status="reconduite",
        summary="La semaine nationale des retraités et personnes âgées, sur le territoire.",
        pilot=pilot,
        contact=officer,
    )
    by_name = {commune.name: commune for commune in communes}
    if not diabetes.events.exists():
        diabetes.target_publics = [everyone]
        diabetes.whole_territory = False
        diabetes.communes = [by_name["Quillan"], by_name["Limoux"], by_name["Espéraza"]]
        diabetes.events = [
            ActionEvent(
                title="Journée de dépistage du diabète",
                start=datetime.datetime(2026, 11, 14, 9, tzinfo=PARIS),
                end=datetime.datetime(2026, 11, 14, 17, tzinfo=PARIS),
                place="Salle des fêtes",
                commune=by_name["Quillan"],
            )
        ]
        diabetes.indicators = [
            ActionIndicator(label="Personnes dépistées", target="300", value="212"),
        ]
        diabetes.save_revision().publish()
    if not semaine_bleue.events.exists():
        semaine_bleue.target_publics = [elderly]
        semaine_bleue.events = [
            ActionEvent(
                title="Semaine bleue",
                start=datetime.datetime(2026, 10, 5, 10, tzinfo=PARIS),
                end=datetime.datetime(2026, 10, 11, 18, tzinfo=PARIS),
                place="Communes du territoire",
            )
        ]
        semaine_bleue.save_revision().publish()
    if not parlons.target_publics.exists():
        parlons.target_publics = [everyone]
        parlons.save_revision().publish()
