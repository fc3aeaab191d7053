"""Demo site: CLS of the Pays du Ruffécois (seeds/cls-pays-ruffecois.txt).

From the public page (ruffecois_source.py): the definition, objectives, intersectoral
aims and duration, the health problems, the axes, the lettre de cadrage and its
signatories, the "nombre d'actions limité" and "8 priorités" paragraphs, the working
groups and the dates of their minutes. The page details no action sheet: the five sheets,
their events and the news are examples, marked « Exemple ». The PDFs are reconstructions
(documents.py); the mission officer is fictional.
"""

from django.utils.text import slugify

from cls.communes_france import ensure_communes_of_epcis
from cls.models import (
    ActionPage,
    AxisPage,
    ContractPage,
    ContractPartner,
    DocumentCollectionPage,
    DocumentType,
    GoverningBody,
    Organisation,
)
from cls.site_pages import create_commune_finder
from contacts.default_page import create_contact_page
from contacts.models import ContactCard
from home.models import HomePage
from home.page_building import get_or_create_child, get_or_create_site

from . import documents, news_and_events
from . import ruffecois_source as source
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
from .identity import RUFFECOIS, apply_identity

HOSTNAME = "ruffecois.localhost"

DEFINITION = (
    paragraphs(source.LAW, source.PURPOSE, source.COORDINATION, source.INTERSECTORAL)
    + bullet_list(source.INTERSECTORAL_AIMS)
    + rich(source.DURATION)
)
TERRITORY = (
    "La lettre de cadrage associait les quatre communautés de communes alors inscrites dans "
    "le périmètre du Pays du Ruffécois. La liste des communes ci-dessous est celle des deux "
    "communautés de communes du Pays aujourd'hui, Val de Charente (32 communes) et Cœur de "
    "Charente (48 communes), selon le Code officiel géographique 2026 de l'INSEE."
)
# Invented, marked « Exemple »: (axis number, code, title, summary)
EXAMPLE_ACTIONS = [
    (
        1,
        "1.1",
        "Informer sur les droits en santé",
        "Des permanences d'information sur les droits en santé dans les maisons de services "
        "au public.",
    ),
    (
        1,
        "1.2",
        "Soutenir l'installation des professionnels de santé",
        "Accueillir les jeunes professionnels et faire connaître le territoire.",
    ),
    (
        2,
        "2.1",
        "Rompre l'isolement des personnes âgées",
        "Un réseau de visiteurs bénévoles et des ateliers collectifs dans les communes.",
    ),
    (
        3,
        "3.1",
        "Bien manger en Ruffécois",
        "Des ateliers cuisine et nutrition pour les familles et les jeunes.",
    ),
    (
        3,
        "3.2",
        "Prévenir les conduites addictives",
        "Un programme de prévention de l'alcool et des addictions avec les collèges et les "
        "associations.",
    ),
]
EXAMPLE_ACTION_NOTE = (
    "Fiche d'exemple : la page publique du contrat ne détaille aucune fiche action. Celle-ci "
    "illustre un axe et un problème de santé repérés par le diagnostic ; son contenu et son "
    "état sont inventés."
)
AXIS_COLOURS = {1: "blue", 2: "purple", 3: "teal", None: "orange"}


def build():
    site = get_or_create_site(
        HOSTNAME,
        HomePage,
        "CLS du Pays du Ruffécois",
        intro=rich(
            "Le Contrat Local de Santé du Pays du Ruffécois assure la coordination entre "
            "partenaires institutionnels (A.R.S., Préfecture de la Charente, Conseil Général) "
            "et acteurs en santé du territoire."
        ),
    )
    home = site.root_page.specific
    collection = get_or_create_collection("CLS du Pays du Ruffécois")
    petr = get_or_create_organisation(
        "PETR du Pays du Ruffécois", kind=Organisation.Kind.LOCAL_AUTHORITY
    )
    officer = ContactCard.objects.filter(name="Julien Morel").first()
    if not officer:
        officer = ContactCard.objects.create(
            name="Julien Morel",
            role="Chargé de mission Santé",
            organisation=petr,
            email="julien.morel@example.org",
            phone="05 36 49 00 12",  # the range ARCEP keeps for fiction
            address="PETR du Pays du Ruffécois\n16700 Ruffec",
            opening_hours="Du lundi au jeudi, de 9 h à 17 h",
        )
    contract = build_contract(home, collection, petr, officer)
    axes = {
        number: get_or_create_child(
            contract,
            AxisPage,
            title,
            slug=f"axe-{number}" if number else "axe-transversal",
            number=number,
            is_transversal=number is None,
            colour=AXIS_COLOURS[number],
        )
        for number, title in source.AXES
    }
    for number, code, title, summary in EXAMPLE_ACTIONS:
        get_or_create_child(
            axes[number],
            ActionPage,
            title,
            code=code,
            status="realisee",
            summary=summary,
            pilot=petr,
            contact=officer,
            example_note=EXAMPLE_ACTION_NOTE,
        )
    news_and_events.build_ruffecois(home)
    minutes = build_minutes(contract, collection)

    if not home.featured_contract_id:
        home.featured_contract = contract
        home.key_figures = [
            ("figure", {"value": "3 + 1", "label": "axes stratégiques, dont un transversal"}),
            ("figure", {"value": "8", "label": "priorités déclinées en objectifs"}),
            ("figure", {"value": "7", "label": "problèmes de santé repérés par le diagnostic"}),
            ("figure", {"value": "12", "label": "comptes-rendus de groupes de travail"}),
        ]
        home.quick_links = [
            (
                "link",
                {
                    "label": "Tous les comptes-rendus des groupes de travail",
                    "page": minutes,
                    "url": "",
                },
            ),
            ("link", {"label": "Le contrat et ses documents", "page": contract, "url": ""}),
        ]
        home.save_revision().publish()
    create_commune_finder(home)
    create_contact_page(home, officer)
    build_legal_pages(home, officer)
    demo_settings(site, "PETR du Pays du Ruffécois")
    shapes = {1: "care", 2: "seniors", 3: "prevention", None: "mobility"}
    apply_identity(site, RUFFECOIS, contract, {axes[number]: shapes[number] for number in axes})
    return site


def build_contract(home, collection, petr, officer):
    contract = ContractPage.objects.child_of(home).filter(slug="cls").first()
    if contract:
        return contract
    contract_pdf = get_or_create_report(
        collection,
        documents.ruffecois_contract(),
        "cls-pays-ruffecois.pdf",
        document_type=DocumentType.CONTRACT,
        description=documents.reconstruction(source.ORIGINAL_CONTRACT),
    )
    diagnostic = get_or_create_report(
        collection,
        documents.ruffecois_diagnostic(),
        "diagnostic-sante-social-ruffecois.pdf",
        document_type=DocumentType.DIAGNOSTIC,
        description=(
            "Les problèmes de santé repérés par l'Observatoire régional de la Santé. La page "
            "publique du contrat cite ce diagnostic sans le proposer : reconstitution de "
            "démonstration de ce qu'elle en dit."
        ),
    )
    framing_letter = "Lettre de cadrage"
    institutional = "Lettre de cadrage ; coordination institutionnelle du contrat"
    partners = [
        (petr, "Porteur du contrat"),
        (
            get_or_create_organisation(
                "Agence Régionale de Santé", acronym="ARS", kind=Organisation.Kind.STATE
            ),
            institutional,
        ),
        (
            get_or_create_organisation(
                "Syndicat Mixte du Pays Ruffécois", kind=Organisation.Kind.LOCAL_AUTHORITY
            ),
            framing_letter,
        ),
        (
            get_or_create_organisation("Préfecture de la Charente", kind=Organisation.Kind.STATE),
            institutional,
        ),
        (
            get_or_create_organisation(
                "Conseil Général de la Charente", kind=Organisation.Kind.LOCAL_AUTHORITY
            ),
            institutional,
        ),
        (
            get_or_create_organisation(
                "Observatoire Régional de la Santé", acronym="ORS", kind=Organisation.Kind.HEALTH
            ),
            "Diagnostic santé social",
        ),
    ]
    contract = ContractPage(
        title="Contrat Local de Santé du Pays du Ruffécois",
        slug="cls",
        generation_label="CLS",  # the page names no generation
        status="echu",
        summary=(
            "Un nombre d'actions limité pour répondre aux problématiques identifiées comme "
            "prioritaires et accroître la lutte contre les inégalités sociales et "
            "territoriales de santé. Sa durée était ajustée à celle du Projet Régional de "
            "Santé : jusqu'en 2017."
        ),
        definition=DEFINITION,
        objectives=[("objective", text) for text in source.OBJECTIVES],
        health_problems=[("problem", text) for text in source.HEALTH_PROBLEMS],
        body=[
            ("heading", {"text": "La lettre de cadrage", "level": "h2"}),
            ("paragraph", rich(source.FRAMING_LETTER)),
            ("heading", {"text": "Les fiches action du CLS", "level": "h2"}),
            ("paragraph", paragraphs(source.LIMITED_ACTIONS, source.PRIORITIES)),
            (
                "paragraph",
                rich(
                    "La page publique du contrat ne détaille ni les 8 priorités ni les fiches "
                    "action : les fiches présentées sur ce site sont des exemples, marqués "
                    "comme tels."
                ),
            ),
        ],
        territory_description=TERRITORY,
        contract_document=contract_pdf,
        diagnostic_document=diagnostic,
        contact=officer,
        show_in_menus=True,
    )
    # CC Val de Charente and CC Cœur de Charente: 80 communes.
    contract.communes = ensure_communes_of_epcis(["200043016", "200072023"])
    contract.partners = [
        ContractPartner(organisation=organisation, role=role) for organisation, role in partners
    ]
    home.add_child(instance=contract)
    contract.save_revision().publish()
    return contract


def build_minutes(contract, collection):
    """The working groups' minutes, as the page lists them, and the lists that show them:
    all of them first, then one per group. Returns the list of all minutes."""
    everything = get_or_create_child(
        contract,
        DocumentCollectionPage,
        "Comptes-rendus des groupes de travail",
        slug="comptes-rendus",
        intro=rich("Les comptes-rendus de tous les groupes de travail du contrat, par année."),
        collection=collection,
        document_type=DocumentType.MINUTES,
    )
    for group in source.WORKING_GROUPS:
        for date, topic in group.meetings:
            title = documents.meeting_title(date, topic)
            get_or_create_report(
                collection,
                documents.ruffecois_minutes(group, date, topic),
                f"{slugify(title)}.pdf",
                document_type=DocumentType.MINUTES,
                body=GoverningBody.WORKING_GROUP,
                body_name=group.name,
                date=date,
                description=(
                    "Ordre du jour : "
                    + " ".join(documents.minutes_agenda(date, topic))
                    + " Reconstitution de démonstration : la page publique du contrat ne "
                    "donne que la date et le groupe de cette réunion."
                ),
            )
        get_or_create_child(
            contract,
            DocumentCollectionPage,
            f"Comptes-rendus du groupe « {group.name} »",
            intro=rich(
                "La page publique du contrat ne liste aucun compte-rendu de ce groupe."
                if not group.meetings
                else f"Le groupe de travail « {group.full_name} »."
            ),
            collection=collection,
            document_type=DocumentType.MINUTES,
            body_name=group.name,
        )
    return everything
