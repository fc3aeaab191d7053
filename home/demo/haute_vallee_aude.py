"""Demo site: CLS 2 of the Moyenne et Haute Vallée de l'Aude (seeds/cls2-pyrenees-audoises.txt).

Facts (partners, axes, actions, communes) come from the public page; the mission
officer is a fictional person with an example.org address and a fictional number.
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
from contacts.models import ContactCard
from home.models import AccessibilityStatus, HomePage, SiteSettings

from . import news_and_events
from .builder import (
    get_or_create_child,
    get_or_create_collection,
    get_or_create_document,
    get_or_create_organisation,
    get_or_create_site,
)
from .common import build_commune_finder, build_contact_page, build_legal_pages, rich

HOSTNAME = "localhost"
PARIS = ZoneInfo("Europe/Paris")

DEFINITION = (
    "Le Contrat Local de Santé (CLS) est l'une des mesures issues de la loi HPST (Hôpital, "
    "Patients, Santé et Territoires) du 21 juillet 2009. Cet outil de contractualisation "
    "permet de repérer et de répondre aux enjeux de santé présents sur un territoire dans un "
    "objectif global de réduction des inégalités sociales et territoriales de santé. Il porte "
    "sur la promotion et la prévention de la santé, les soins ambulatoires et hospitaliers ou "
    "encore l'accompagnement médico-social."
)

AXES = [
    (
        1,
        "Accès aux droits et aux soins",
        "blue",
        "Répondre aux besoins de la population : mieux appréhender les attentes des usagers "
        "et des professionnels en termes d'accès aux soins.",
    ),
    (
        2,
        "Prévention et promotion de la santé",
        "teal",
        "Donner à la population la possibilité d'améliorer sa propre santé.",
    ),
    (
        3,
        "Besoins spécifiques des séniors",
        "purple",
        "Répondre aux besoins spécifiques des séniors en favorisant un parcours coordonné "
        "entre les acteurs locaux.",
    ),
    (
        4,
        "Santé environnement",
        "green",
        "Nutrition, habitat… : envisager des actions vers les populations les plus fragiles.",
    ),
    (
        5,
        "Santé mentale et addictions",
        "orange",
        "Avec la perspective de déboucher sur un contrat local de santé mentale annexé au CLS.",
    ),
]

MISSIONS = [
    "Mobiliser les compétences et ressources du territoire.",
    "Pérenniser et mettre en cohérence les démarches existantes.",
    "Proposer des réponses adaptées et coordonnées aux problèmes de santé.",
]


def build():
    site = get_or_create_site(
        HOSTNAME,
        HomePage,
        "CLS 2 Moyenne et Haute Vallée de l'Aude",
        is_default_site=True,
        intro=rich(
            "Le Contrat Local de Santé de la Moyenne et Haute Vallée de l'Aude réunit les "
            "Communautés de Communes des Pyrénées Audoises et du Limouxin et l'Agence "
            "Régionale de Santé autour de la santé des habitants de 137 communes."
        ),
    )
    home = site.root_page.specific
    collection = get_or_create_collection("CLS 2 Haute Vallée de l'Aude")
    pyrenees = get_or_create_organisation(
        "Communauté de Communes des Pyrénées Audoises",
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
            role="Chargée de mission Santé",
            organisation=pyrenees,
            email="elise.roussel@example.org",
            phone="04 65 71 00 34",
            address="Communauté de Communes des Pyrénées Audoises\n11500 Quillan",
            opening_hours="Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h",
        )
    diagnostic = get_or_create_document(
        collection,
        "Diagnostic santé - Pyrénées Audoises et Limouxin",
        [
            "Dossier profil santé du Limouxin et des Pyrénées Audoises.",
            "Le diagnostic santé couvre l'ensemble du territoire des deux communautés de "
            "communes et a permis de définir cinq axes de travail.",
            "Il met en évidence le vieillissement de la population, l'éloignement des lieux "
            "de soins, la prévalence du diabète et les besoins en santé mentale.",
        ],
        "diagnostic-sante-pyrenees-audoises-limouxin.pdf",
        document_type=DocumentType.DIAGNOSTIC,
        date=datetime.date(2019, 6, 1),
        description="Profil santé du territoire, préalable au CLS 2.",
    )
    # CC Pyrénées audoises and CC du Limouxin: 137 communes.
    communes = ensure_communes_of_epcis(["200043776", "200071926"])

    contract = ContractPage.objects.child_of(home).filter(slug="cls-2").first()
    if not contract:
        contract = ContractPage(
            title="Contrat Local de Santé 2",
            slug="cls-2",
            generation_label="CLS 2",
            status="en-cours",
            summary=(
                "Vers un CLS 2 à l'échelle de la haute vallée de l'Aude : une démarche "
                "contractuelle, partenariale et intersectorielle."
            ),
            definition=rich(DEFINITION),
            objectives=[("objective", text) for text in MISSIONS],
            territory_description=(
                "Le CLS s'applique sur les communes du territoire des deux Communautés de "
                "Communes des Pyrénées Audoises et du Limouxin."
            ),
            diagnostic_document=diagnostic,
            contact=officer,
            show_in_menus=True,
        )
        contract.communes = communes
        contract.partners = [
            ContractPartner(organisation=pyrenees, is_signatory=True),
            ContractPartner(organisation=limouxin, is_signatory=True),
            ContractPartner(organisation=ars, is_signatory=True),
        ]
        home.add_child(instance=contract)
        contract.save_revision().publish()

    axes = {}
    for number, title, colour, description in AXES:
        axes[number] = get_or_create_child(
            contract,
            AxisPage,
            title,
            slug=f"axe-{number}",
            number=number,
            colour=colour,
            description=rich(description),
        )
    build_actions(axes, pyrenees, officer, communes)
    news_and_events.build_aude(home)

    if not home.featured_contract_id:
        home.featured_contract = contract
        home.key_figures = [
            ("figure", {"value": "137", "label": "communes"}),
            ("figure", {"value": "5", "label": "axes stratégiques"}),
            ("figure", {"value": "2", "label": "communautés de communes"}),
        ]
        home.save_revision().publish()

    build_commune_finder(home)
    build_contact_page(home, officer)
    build_legal_pages(home, "Communauté de Communes des Pyrénées Audoises")
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = "Communauté de Communes des Pyrénées Audoises"
        settings.address = "11500 Quillan"
        settings.phone = "04 65 71 00 00"
        settings.accessibility_status = AccessibilityStatus.PARTIAL
        settings.publication_director = "Le président ou la présidente"
        settings.host = "Hébergeur de démonstration, 1 rue de l'Exemple, 75000 Paris"
        settings.save()
    return site


def build_actions(axes, pilot, officer, communes):
    prevention, seniors = axes[2], axes[3]
    everyone = TargetPublic.objects.get(code="tous")
    elderly = TargetPublic.objects.get(code="seniors")
    parlons = get_or_create_child(
        prevention,
        ActionPage,
        "Parlons santé",
        code="2.1",
        status="reconduite",
        summary="Des rencontres-débats ouvertes à tous autour d'un thème de santé.",
        objectives=rich("Informer les habitants et faire connaître les ressources locales."),
        pilot=pilot,
        recurrence="annuelle",
        contact=officer,
    )
    diabetes = get_or_create_child(
        prevention,
        ActionPage,
        "Dépistages diabète",
        code="2.2",
        status="en-cours",
        summary="Des journées de dépistage gratuit du diabète au plus près des habitants.",
        context=rich("Le diagnostic relève une prévalence du diabète supérieure à la moyenne."),
        pilot=pilot,
        recurrence="annuelle",
        contact=officer,
    )
    semaine_bleue = get_or_create_child(
        seniors,
        ActionPage,
        "Semaine bleue",
        code="3.1",
        status="reconduite",
        summary="La semaine nationale des retraités et personnes âgées, sur le territoire.",
        pilot=pilot,
        recurrence="annuelle",
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
