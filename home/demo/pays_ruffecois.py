"""Demo site: CLS of the Pays du Ruffécois (seeds/cls-pays-ruffecois.txt).

Axes, health problems and the dated minutes of the working groups come from the public
page; action sheets are short illustrations of the axes' priorities; the mission
officer is fictional.
"""

import datetime

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

HOSTNAME = "ruffecois.localhost"

DEFINITION = (
    "Le Contrat Local de Santé est une mesure innovante de la loi du 21 juillet 2009, portant "
    "réforme de l'hôpital et relative aux patients, à la santé et aux territoires (HPST). Il "
    "a pour objectif de répondre aux enjeux de santé globaux et de soutenir les dynamiques "
    "locales sur un territoire donné, dans le respect des objectifs inscrits dans le Projet "
    "Régional de Santé (PRS). Dans un souci de cohérence, la durée du CLS est ajustée à "
    "celle du PRS (jusqu'en 2017)."
)
OBJECTIVES = [
    "Améliorer l'accès aux soins sur un territoire dans une approche de promotion de la santé.",
    "Réduire les inégalités sociales de santé.",
    "Valoriser le travail commun des professionnels et des structures.",
]
HEALTH_PROBLEMS = [
    "Les freins géographiques, financiers, psychologiques.",
    "Les problèmes liés à l'alcool et à la souffrance sociale.",
    "Une hygiène de vie dégradée.",
    "Alimentation déséquilibrée.",
    "Une jeunesse en mal d'occupation.",
    "Des problèmes liés à la parentalité.",
    "Isolement des personnes âgées.",
]
# (number or None for transversal, title, colour, actions: (code, title, summary))
AXES = [
    (
        1,
        "Faciliter l'accès aux droits pour agir sur sa santé et garantir l'accès aux soins "
        "de premier recours",
        "blue",
        [
            (
                "1.1",
                "Informer sur les droits en santé",
                "Des permanences d'information sur les "
                "droits en santé dans les maisons de services au public.",
            ),
            (
                "1.2",
                "Soutenir l'installation des professionnels de santé",
                "Accueillir les jeunes professionnels et faire connaître le territoire.",
            ),
        ],
    ),
    (
        2,
        "Mieux vieillir",
        "purple",
        [
            (
                "2.1",
                "Rompre l'isolement des personnes âgées",
                "Un réseau de visiteurs bénévoles et des ateliers collectifs dans les communes.",
            ),
        ],
    ),
    (
        3,
        "Devenir acteur de sa santé : éducation à la santé, prévention et action sur "
        "l'environnement en Ruffécois",
        "teal",
        [
            (
                "3.1",
                "Bien manger en Ruffécois",
                "Des ateliers cuisine et nutrition pour les familles et les jeunes.",
            ),
            (
                "3.2",
                "Prévenir les conduites addictives",
                "Un programme de prévention de "
                "l'alcool et des addictions avec les collèges et les associations.",
            ),
        ],
    ),
    (None, "La mobilité", "orange", []),
]
# Minutes of the working groups, as listed on the public page.
MINUTES = {
    "Accès soins / droits": [
        (datetime.date(2014, 10, 2), ""),
        (datetime.date(2014, 10, 15), ""),
        (datetime.date(2014, 11, 5), ""),
        (datetime.date(2015, 10, 6), ""),
        (datetime.date(2017, 4, 10), ""),
    ],
    "Mieux vieillir": [
        (datetime.date(2014, 10, 1), ""),
        (datetime.date(2014, 10, 14), ""),
    ],
    "Acteurs de sa santé": [
        (datetime.date(2014, 10, 23), ""),
        (datetime.date(2014, 11, 7), ""),
        (datetime.date(2015, 10, 14), "Nutrition"),
        (datetime.date(2015, 10, 14), "Santé mentale - addiction"),
        (datetime.date(2017, 3, 7), ""),
    ],
}
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def french_date(date):
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS[date.month - 1]} {date.year}"


def build():
    site = get_or_create_site(
        HOSTNAME,
        HomePage,
        "CLS du Pays du Ruffécois",
        intro=rich(
            "Le Contrat Local de Santé du Pays du Ruffécois coordonne les partenaires "
            "institutionnels et les acteurs de santé du territoire."
        ),
    )
    home = site.root_page.specific
    collection = get_or_create_collection("CLS du Pays du Ruffécois")
    petr = get_or_create_organisation(
        "PETR du Pays du Ruffécois", kind=Organisation.Kind.LOCAL_AUTHORITY
    )
    partners = [
        (petr, "Porteur du contrat"),
        (
            get_or_create_organisation(
                "Agence Régionale de Santé", acronym="ARS", kind=Organisation.Kind.STATE
            ),
            "Signataire",
        ),
        (
            get_or_create_organisation("Préfecture de la Charente", kind=Organisation.Kind.STATE),
            "Signataire",
        ),
        (
            get_or_create_organisation(
                "Conseil Général de la Charente", kind=Organisation.Kind.LOCAL_AUTHORITY
            ),
            "Signataire",
        ),
        (
            get_or_create_organisation(
                "Observatoire Régional de la Santé", acronym="ORS", kind=Organisation.Kind.HEALTH
            ),
            "Diagnostic santé social",
        ),
    ]
    officer = ContactCard.objects.filter(name="Julien Morel").first()
    if not officer:
        officer = ContactCard.objects.create(
            name="Julien Morel",
            role="Chargé de mission Santé",
            organisation=petr,
            email="julien.morel@example.org",
            phone="05 35 35 00 12",
            address="PETR du Pays du Ruffécois\n16700 Ruffec",
            opening_hours="Du lundi au jeudi, de 9 h à 17 h",
        )
    contract_pdf = get_or_create_document(
        collection,
        "Contrat Local de Santé du PETR du Pays du Ruffécois",
        [DEFINITION, *OBJECTIVES],
        "cls-pays-ruffecois.pdf",
        document_type=DocumentType.CONTRACT,
        date=datetime.date(2014, 12, 15),
    )
    diagnostic = get_or_create_document(
        collection,
        "Diagnostic santé social du territoire Ruffécois",
        ["Les problèmes de santé repérés dans le diagnostic :", *HEALTH_PROBLEMS],
        "diagnostic-sante-social-ruffecois.pdf",
        document_type=DocumentType.DIAGNOSTIC,
        date=datetime.date(2014, 6, 1),
    )
    # CC Val de Charente and CC Coeur de Charente: 80 communes.
    communes = ensure_communes_of_epcis(["200043016", "200072023"])

    contract = ContractPage.objects.child_of(home).filter(slug="cls").first()
    if not contract:
        contract = ContractPage(
            title="Contrat Local de Santé du Pays du Ruffécois",
            slug="cls",
            generation_label="CLS 1",
            status="echu",
            end_date=datetime.date(2017, 12, 31),
            summary=(
                "Un nombre d'actions limité pour répondre aux problématiques identifiées "
                "comme prioritaires et accroître la lutte contre les inégalités sociales et "
                "territoriales de santé."
            ),
            definition=rich(DEFINITION),
            objectives=[("objective", text) for text in OBJECTIVES],
            health_problems=[("problem", text) for text in HEALTH_PROBLEMS],
            territory_description="Les communes du Pays du Ruffécois, en Charente.",
            contract_document=contract_pdf,
            diagnostic_document=diagnostic,
            contact=officer,
            show_in_menus=True,
        )
        contract.communes = communes
        contract.partners = [
            ContractPartner(
                organisation=organisation,
                role="" if role == "Signataire" else role,
                is_signatory=role == "Signataire",
            )
            for organisation, role in partners
        ]
        home.add_child(instance=contract)
        contract.save_revision().publish()

    for number, title, colour, actions in AXES:
        axis = get_or_create_child(
            contract,
            AxisPage,
            title,
            slug=f"axe-{number}" if number else "axe-transversal",
            number=number,
            is_transversal=number is None,
            colour=colour,
        )
        for code, action_title, summary in actions:
            get_or_create_child(
                axis,
                ActionPage,
                action_title,
                code=code,
                status="realisee",
                summary=summary,
                pilot=petr,
                contact=officer,
            )

    news_and_events.build_ruffecois(home)

    for group, meetings in MINUTES.items():
        for date, topic in meetings:
            title = f"Compte-rendu du {french_date(date)}" + (f" ({topic})" if topic else "")
            get_or_create_document(
                collection,
                title,
                [
                    f"Groupe de travail « {group} » du Contrat Local de Santé du Pays du "
                    f"Ruffécois, réunion du {french_date(date)}.",
                    "Ordre du jour : partage des éléments du diagnostic santé social, "
                    "priorités du groupe, propositions d'actions.",
                ],
                f"{slugify(title)}.pdf",
                document_type=DocumentType.MINUTES,
                body=GoverningBody.WORKING_GROUP,
                body_name=group,
                date=date,
            )
        get_or_create_child(
            contract,
            DocumentCollectionPage,
            f"Comptes-rendus du groupe « {group} »",
            collection=collection,
            document_type=DocumentType.MINUTES,
            body_name=group,
        )

    if not home.featured_contract_id:
        home.featured_contract = contract
        home.save_revision().publish()
    build_commune_finder(home)
    build_contact_page(home, officer)
    build_legal_pages(home, "PETR du Pays du Ruffécois")
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = "PETR du Pays du Ruffécois"
        settings.address = "16700 Ruffec"
        settings.accessibility_status = AccessibilityStatus.PARTIAL
        settings.publication_director = "Le président ou la présidente"
        settings.host = "Hébergeur de démonstration, 1 rue de l'Exemple, 75000 Paris"
        settings.save()
    return site
