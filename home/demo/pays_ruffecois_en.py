"""English edition of the Pays du Ruffécois demo site: faithful translations of its French
texts (the public page's passages in ruffecois_source.py, the site's own and the examples'),
applied through wagtail-localize (translation.py)."""

from . import ruffecois_source as source
from .common_en import COMMON_ENGLISH
from .news_and_events import ENGLISH_RUFFECOIS
from .pays_ruffecois import EXAMPLE_ACTION_NOTE, EXAMPLE_ACTIONS, TERRITORY

# The working groups' names as the site gives them, then as the public page does.
WORKING_GROUP_NAMES = [
    "Access to care / rights",
    "Ageing well",
    "Actors of their health",
    "Mobility",
]
WORKING_GROUP_FULL_NAMES = [
    "Access to care / rights",
    "Ageing Well",
    "Actors of their health (prevention and health promotion)",
    "Mobility",
]

ENGLISH = {
    # Home page
    "CLS du Pays du Ruffécois": "Local Health Contract of the Pays du Ruffécois",
    "Le Contrat Local de Santé du Pays du Ruffécois assure la coordination entre partenaires "
    "institutionnels (A.R.S., Préfecture de la Charente, Conseil Général) et acteurs en santé "
    "du territoire.": (
        "The Local Health Contract of the Pays du Ruffécois coordinates institutional partners "
        "(Regional Health Agency, Charente Prefecture, General Council) and the area's health "
        "actors."
    ),
    "axes stratégiques, dont un transversal": "strategic priorities, one of them cross-cutting",
    "priorités déclinées en objectifs": "priorities broken down into objectives",
    "problèmes de santé repérés par le diagnostic": "health problems found by the assessment",
    "comptes-rendus de groupes de travail": "minutes of working groups",
    "Tous les comptes-rendus des groupes de travail": "All the minutes of the working groups",
    "Le contrat et ses documents": "The contract and its documents",
    # Contract: the public page's passages
    **dict(
        zip(
            [
                source.LAW,
                source.PURPOSE,
                source.COORDINATION,
                source.INTERSECTORAL,
                *source.INTERSECTORAL_AIMS,
                source.DURATION,
            ],
            [
                "The Local Health Contract is an innovative measure of the act of 21 July 2009 "
                "reforming hospitals and concerning patients, health and territories (HPST).",
                "Its aim is to meet overall health issues and support local initiatives in a "
                "given area, in keeping with the objectives of the Regional Health Programme "
                "(PRS) drawn up by the Regional Health Agency (ARS).",
                "The CLS coordinates institutional partners (Regional Health Agency, Charente "
                "Prefecture, General Council) and the area's health actors.",
                "It embodies a cross-sector dimension of the regional health policy, in order "
                "to promote:",
                "the improvement of the environmental and social contexts that determine, in "
                "the shorter or longer term, the health of local populations (specific "
                "pollution problems, isolation in terms of transport, etc.);",
                "access to care, services and prevention for people, especially “deprived” people;",
                "the promotion of and respect for the rights of health system users.",
                "For consistency, the CLS runs for as long as the PRS (until 2017).",
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            source.OBJECTIVES,
            [
                "Improve access to care in an area with a health promotion approach.",
                "Reduce social health inequalities.",
                "Value the joint work of professionals and organisations.",
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            source.HEALTH_PROBLEMS,
            [
                "Geographical, financial and psychological barriers.",
                "Problems related to alcohol and social distress.",
                "Poor lifestyle habits.",
                "Unbalanced diet.",
                "Young people lacking occupation.",
                "Problems related to parenting.",
                "Isolation of older people.",
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            [title for _number, title in source.AXES],
            [
                "Make rights easier to access so as to act on one's health, and guarantee "
                "access to primary care",
                "Ageing well",
                "Taking charge of one's health: health education, prevention and action on "
                "the environment in the Ruffécois",
                "Mobility",
            ],
            strict=True,
        )
    ),
    "La lettre de cadrage": "The framing letter",
    source.FRAMING_LETTER: (
        "A framing letter, setting out the approach to follow throughout the CLS, is the first "
        "commitment between the Regional Health Agency, the Syndicat Mixte du Pays Ruffécois, "
        "the Charente Prefecture, the Charente General Council and the four communities of "
        "municipalities within the geographical boundaries of the Pays du Ruffécois."
    ),
    "Les fiches action du CLS": "The CLS action sheets",
    source.LIMITED_ACTIONS: (
        "The Local Health Contract (CLS) of the Pays du Ruffécois chose a limited number of "
        "actions in order to address problems identified as priorities. It is meant to step "
        "up the fight against social and territorial health inequalities, acting in "
        "particular on environmental and socio-economic factors and on individual behaviour."
    ),
    source.PRIORITIES: (
        "Following the discussions of the various working groups, during which the findings "
        "of the Regional Health Observatory's social health assessment were shared, 8 "
        "priorities were defined and broken down into objectives."
    ),
    "La page publique du contrat ne détaille ni les 8 priorités ni les fiches action : les "
    "fiches présentées sur ce site sont des exemples, marqués comme tels.": (
        "The contract's public page details neither the 8 priorities nor the action sheets: "
        "the sheets shown on this site are examples, marked as such."
    ),
    # Contract: the site's own texts
    "Contrat Local de Santé du Pays du Ruffécois": "Local Health Contract of the Pays du Ruffécois",
    "Un nombre d'actions limité pour répondre aux problématiques identifiées comme "
    "prioritaires et accroître la lutte contre les inégalités sociales et territoriales de "
    "santé. Sa durée était ajustée à celle du Projet Régional de Santé : jusqu'en 2017.": (
        "A limited number of actions to address the problems identified as priorities and "
        "step up the fight against social and territorial health inequalities. It ran for as "
        "long as the Regional Health Programme: until 2017."
    ),
    TERRITORY: (
        "The framing letter involved the four communities of municipalities then within the "
        "boundaries of the Pays du Ruffécois. The list of municipalities below is that of the "
        "Pays's two communities of municipalities today, Val de Charente (32 municipalities) "
        "and Cœur de Charente (48 municipalities), according to INSEE's 2026 official "
        "geographic code."
    ),
    "Porteur du contrat": "Contract holder",
    "Lettre de cadrage": "Framing letter",
    "Lettre de cadrage ; coordination institutionnelle du contrat": (
        "Framing letter; institutional coordination of the contract"
    ),
    "Diagnostic santé social": "Social health assessment",
    # Example action sheets
    **{
        french: english
        for (_axis, _code, french_title, french_summary), english_pair in zip(
            EXAMPLE_ACTIONS,
            [
                (
                    "Informing people about their health rights",
                    "Information sessions on health rights in the public service centres.",
                ),
                (
                    "Supporting health professionals setting up practice",
                    "Welcome young professionals and make the area known.",
                ),
                (
                    "Breaking the isolation of older people",
                    "A network of volunteer visitors and group workshops in the municipalities.",
                ),
                (
                    "Eating well in the Ruffécois",
                    "Cooking and nutrition workshops for families and young people.",
                ),
                (
                    "Preventing addictive behaviour",
                    "A programme to prevent alcohol misuse and addictions with the secondary "
                    "schools and associations.",
                ),
            ],
            strict=True,
        )
        for french, english in zip((french_title, french_summary), english_pair, strict=True)
    },
    EXAMPLE_ACTION_NOTE: (
        "Example sheet: the contract's public page details no action sheet. This one "
        "illustrates a priority and a health problem found by the assessment; its content and "
        "state are invented."
    ),
    # Minutes
    "Comptes-rendus des groupes de travail": "Minutes of the working groups",
    "Les comptes-rendus de tous les groupes de travail du contrat, par année.": (
        "The minutes of all the contract's working groups, by year."
    ),
    "La page publique du contrat ne liste aucun compte-rendu de ce groupe.": (
        "The contract's public page lists no minutes of this group."
    ),
    **{
        f"Comptes-rendus du groupe « {group.name} »": f"Minutes of the “{english}” group"
        for group, english in zip(source.WORKING_GROUPS, WORKING_GROUP_NAMES, strict=True)
    },
    **{
        f"Le groupe de travail « {group.full_name} ».": f"The “{english}” working group."
        for group, english in zip(source.WORKING_GROUPS, WORKING_GROUP_FULL_NAMES, strict=True)
    },
    # The contact page
    "Une question sur le contrat local de santé ? Écrivez à Julien Morel, chargé de mission "
    "santé.": (
        "A question about the local health contract? Write to Julien Morel, health project officer."
    ),
    # Snippets
    "Agence Régionale de Santé": "Regional Health Agency",
    "ARS": "RHA",
    "Préfecture de la Charente": "Charente Prefecture",
    "Conseil Général de la Charente": "Charente General Council",
    "Observatoire Régional de la Santé": "Regional Health Observatory",
    "ORS": "RHO",
    "Chargé de mission Santé": "Health project officer",
    "Du lundi au jeudi, de 9 h à 17 h": "Monday to Thursday, 9 am to 5 pm",
    **ENGLISH_RUFFECOIS,
    **COMMON_ENGLISH,
}
