"""The public page of the CLS of the Pays du Ruffécois (seeds/cls-pays-ruffecois.txt).

Each constant is a passage of that page, edited for typography and agreement only (the
page's "réflexions menés" reads "menées"), never added to: the demo site and its
documents take their facts from here.
"""

import datetime
from dataclasses import dataclass

LAW = (
    "Le Contrat Local de Santé est une mesure innovante de la loi du 21 juillet 2009, portant "
    "réforme de l'hôpital et relative aux patients, à la santé et aux territoires (HPST)."
)
PURPOSE = (
    "Il a pour objectif de répondre aux enjeux de santé globaux et de soutenir les dynamiques "
    "locales sur un territoire donné, dans le respect des objectifs inscrits dans le Projet "
    "Régional de Santé (PRS) élaboré par l'Agence Régionale de Santé (A.R.S.)."
)
COORDINATION = (
    "Le CLS assure la coordination entre partenaires institutionnels (A.R.S., Préfecture de "
    "la Charente, Conseil Général) et acteurs en santé du territoire."
)
OBJECTIVES = [
    "Améliorer l'accès aux soins sur un territoire dans une approche de promotion de la santé.",
    "Réduire les inégalités sociales de santé.",
    "Valoriser le travail commun des professionnels et des structures.",
]
INTERSECTORAL = (
    "Il incarne une dimension intersectorielle de la politique régionale de santé dans le but "
    "de favoriser :"
)
INTERSECTORAL_AIMS = [
    "l'amélioration des contextes environnementaux et sociaux qui déterminent, à plus ou "
    "moins long terme, l'état de santé des populations au niveau local (problèmes de "
    "pollution spécifiques, enclavement en matière de transport, etc.) ;",
    "l'accès des personnes, notamment « démunies », aux soins, aux services, et à la prévention ;",
    "la promotion et le respect des droits des usagers du système de santé.",
]
DURATION = "Dans un souci de cohérence, la durée du CLS est ajustée à celle du PRS (jusqu'en 2017)."
HEALTH_PROBLEMS = [
    "Les freins géographiques, financiers, psychologiques.",
    "Les problèmes liés à l'alcool et à la souffrance sociale.",
    "Une hygiène de vie dégradée.",
    "Alimentation déséquilibrée.",
    "Une jeunesse en mal d'occupation.",
    "Des problèmes liés à la parentalité.",
    "Isolement des personnes âgées.",
]
AXES_ORIGIN = (
    "Trois axes stratégiques ont été identifiés par le Pays et l'ARS et ont été proposés aux "
    "acteurs de la santé."
)
# (number, or None for the transversal axis; title)
AXES = [
    (
        1,
        "Faciliter l'accès aux droits pour agir sur sa santé et garantir l'accès aux soins "
        "de premier recours",
    ),
    (2, "Mieux vieillir"),
    (
        3,
        "Devenir acteur de sa santé : éducation à la santé, prévention et action sur "
        "l'environnement en Ruffécois",
    ),
    (None, "La mobilité"),
]
FRAMING_LETTER = (
    "Une lettre de cadrage définissant la démarche à mettre en place tout au long du CLS "
    "constitue le premier engagement entre l'Agence Régionale de Santé, le Syndicat Mixte du "
    "Pays Ruffécois, la Préfecture de la Charente, le Conseil Général de la Charente et les "
    "quatre Communautés de communes inscrites dans le périmètre géographique du Pays du "
    "Ruffécois."
)
LIMITED_ACTIONS = (
    "Le Contrat Local de Santé (CLS) du Pays du Ruffécois a voulu un nombre d'actions limité "
    "dans le but de répondre à des problématiques identifiées comme prioritaires. Il doit "
    "permettre d'accroître la lutte contre les inégalités sociales et territoriales de santé, "
    "en agissant notamment sur les facteurs environnementaux, socio-économiques et sur le "
    "comportement individuel."
)
PRIORITIES = (
    "Suite aux réflexions menées par les différents groupes de travail, au cours desquelles "
    "ont notamment été partagés les éléments issus du diagnostic santé social de "
    "l'Observatoire régional de la Santé, 8 priorités ont été définies et déclinées en "
    "objectifs."
)
ORIGINAL_CONTRACT = "Le CLS du PETR du Pays du Ruffécois (PDF, 13,5 Mo)"


@dataclass(frozen=True)
class WorkingGroup:
    """A working group as the page lists it: its name on the site (`name`, also the
    documents' body name), its name on the page, its axis and its dated minutes."""

    name: str
    full_name: str
    axis: int | None
    meetings: list  # (date, topic or "")


WORKING_GROUPS = [
    WorkingGroup(
        "Accès soins / droits",
        "Accès soins / droits",
        1,
        [
            (datetime.date(2014, 10, 2), ""),
            (datetime.date(2014, 10, 15), ""),
            (datetime.date(2014, 11, 5), ""),
            (datetime.date(2015, 10, 6), ""),
            (datetime.date(2017, 4, 10), ""),
        ],
    ),
    WorkingGroup(
        "Mieux vieillir",
        "Mieux Vieillir",
        2,
        [(datetime.date(2014, 10, 1), ""), (datetime.date(2014, 10, 14), "")],
    ),
    WorkingGroup(
        "Acteurs de sa santé",
        "Acteurs de sa santé (prévention et promotion de la santé)",
        3,
        [
            (datetime.date(2014, 10, 23), ""),
            (datetime.date(2014, 11, 7), ""),
            (datetime.date(2015, 10, 14), "Nutrition"),
            (datetime.date(2015, 10, 14), "Santé mentale - addiction"),
            (datetime.date(2017, 3, 7), ""),
        ],
    ),
    # Listed on the page without any minutes.
    WorkingGroup("Mobilité", "Mobilité", None, []),
]
