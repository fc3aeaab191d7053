"""English edition of the Haute Vallée de l'Aude demo site, made with wagtail-localize."""

from . import aude_source as source
from .common_en import COMMON_ENGLISH
from .haute_vallee_aude import COMMUNES_FIGURE, EXAMPLE_ACTION_NOTE, HOME_INTRO, SUMMARY, TERRITORY
from .news_and_events import ENGLISH_AUDE

ENGLISH = {
    # Home page
    "CLS 2 Moyenne et Haute Vallée de l'Aude": (
        "Local Health Contract 2, Middle and Upper Aude Valley"
    ),
    HOME_INTRO: (
        "The second Local Health Contract of the Middle and Upper Aude Valley is a partnership "
        "between the Pyrénées Audoises and Limouxin communities of municipalities and the "
        "Regional Health Agency: a “contractual, partnership-based and cross-sector” approach."
    ),
    COMMUNES_FIGURE: (
        "municipalities in the 2026 official geographic code (138 according to the contract)"
    ),
    "axes stratégiques": "strategic priorities",
    "communautés de communes": "communities of municipalities",
    # Contract
    "Contrat Local de Santé 2": "Local Health Contract 2",
    SUMMARY: (
        "Towards a second contract for the whole upper Aude valley. Born of the 2009 "
        "“Hospital, Health and Territories” act, the contract is above all a “contractual, "
        "partnership-based and cross-sector” approach."
    ),
    source.DEFINITION[0]: (
        "The Local Health Contract (CLS) is one of the measures of the HPST act (Hospital, "
        "Patients, Health and Territories) of 21 July 2009. This contractual tool identifies "
        "and answers the health issues of an area, with the overall aim of reducing social "
        "and territorial health inequalities. It covers various aspects such as health "
        "promotion and prevention, community and hospital care, and medico-social support."
    ),
    source.DEFINITION[1]: (
        "It keeps close to local problems and adapts to the area's particular features. "
        "Drawing up a contract means taking the Regional Health Programme's orientations into "
        "account. Setting up a Local Health Contract needs the involvement of the area's "
        "actors (professionals, elected officials, residents). It is a participatory project."
    ),
    "Les actions": "The actions",
    source.ACTIONS_INTRO: (
        "The Local Health Contract sets up several concrete actions every year. Here are some "
        "of them:"
    ),
    "Le diagnostic santé": "The health assessment",
    source.DIAGNOSTIC_OUTCOME: (
        "It produced a health assessment of the whole area of the two communities of "
        "municipalities and defined five strategic priorities."
    ),
    **dict(
        zip(
            source.MISSIONS,
            [
                "Mobilise the skills and resources of the area.",
                "Sustain existing initiatives and make them consistent.",
                "Offer suitable, coordinated answers to health problems.",
            ],
            strict=True,
        )
    ),
    TERRITORY: (
        "According to its public page, the contract covers the 138 municipalities of the two "
        "communities of municipalities. The official list of municipalities (INSEE's 2026 "
        "official geographic code) counts 137: 61 in the Pyrénées Audoises and 76 in the "
        "Limouxin. This site follows that list; the difference of one municipality may come "
        "from a merger of municipalities or a change of boundaries since the page was written."
    ),
    # Axes: their titles, then the public page's words
    **dict(
        zip(
            [title for _number, title, _colour, _text in source.AXES],
            [
                "Access to rights and care",
                "Prevention and health promotion",
                "Specific needs of older people",
                "Environmental health",
                "Mental health and addictions",
            ],
            strict=True,
        )
    ),
    **dict(
        zip(
            [text for _number, _title, _colour, text in source.AXES],
            [
                "Access to rights and care, to meet the population's needs: better "
                "understanding what patients and professionals expect in terms of access to "
                "care.",
                "Prevention and health promotion, to give people the means to improve their "
                "own health.",
                "Meet the specific needs of older people through a pathway coordinated between "
                "local actors.",
                "Environmental health (nutrition and housing…): actions for the most vulnerable "
                "people.",
                "Mental health and addictions, with a view to a local mental health contract "
                "annexed to the CLS.",
            ],
            strict=True,
        )
    ),
    # Actions
    "Parlons santé": "Let's talk health",
    "Des rencontres-débats ouvertes à tous autour d'un thème de santé.": (
        "Talks and debates on a health topic, open to everyone."
    ),
    "Informer les habitants et faire connaître les ressources locales.": (
        "Inform residents and make local resources known."
    ),
    "Dépistages diabète": "Diabetes screening",
    "Des journées de dépistage gratuit du diabète au plus près des habitants.": (
        "Free diabetes screening days close to where people live."
    ),
    **{
        EXAMPLE_ACTION_NOTE.format(title=french): (
            f"The “{english}” action is on the contract's public page, which only says it is "
            "held every year: the rest of this sheet (summary, state, events, indicators) is an "
            "example."
        )
        for french, english in [
            ("Parlons santé", "Let's talk health"),
            ("Dépistages diabète", "Diabetes screening"),
            ("Semaine bleue", "Blue Week"),
        ]
    },
    "Semaine bleue": "Blue Week",
    "La semaine nationale des retraités et personnes âgées, sur le territoire.": (
        "The national week of retired and older people, across the area."
    ),
    # The contact page
    "Une question sur le contrat local de santé ? Écrivez à Élise Roussel, chargée de "
    "mission santé.": (
        "A question about the local health contract? Write to Élise Roussel, health project "
        "officer."
    ),
    # Snippets
    "Agence Régionale de Santé Occitanie": "Occitanie Regional Health Agency",
    "ARS": "RHA",
    "Chargée de mission Santé": "Health project officer",
    "Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h": (
        "Monday to Friday, 9 am to 12 noon and 2 pm to 5 pm"
    ),
    **ENGLISH_AUDE,
    **COMMON_ENGLISH,
}
