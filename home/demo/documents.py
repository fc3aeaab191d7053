"""The demo's downloadable documents: multi-page PDFs rebuilt from the public pages.

The originals (a 13,5 Mo contract, a 4,9 Mo diagnostic, the minutes) are not reproduced:
each document says so on its title page and at the foot of every page, and holds only
what the public page says, arranged as the real document would be (title page, table of
contents, numbered sections).
"""

from . import aude_source as aude
from . import ruffecois_source as ruffecois
from .dates import french_date
from .pdf import Document, Section

RUFFECOIS_CONTRACT = "Contrat Local de Santé du Pays du Ruffécois"


def reconstruction(original):
    return (
        f"Reconstitution de démonstration. {original} n'est pas reproduit ici : ce document "
        "reprend ce qu'en dit la page publique du contrat, sans rien y ajouter."
    )


def footer(title):
    return f"{title} – reconstitution de démonstration"


def ruffecois_axes():
    return [
        f"Axe {number} : {title}." if number else f"Axe transversal : {title}."
        for number, title in ruffecois.AXES
    ]


def health_problems(heading):
    return Section(
        heading,
        paragraphs=("Le diagnostic santé social du territoire Ruffécois a repéré :",),
        bullets=tuple(ruffecois.HEALTH_PROBLEMS),
    )


def meeting_title(date, topic):
    return f"Compte-rendu du {french_date(date)}" + (f" ({topic})" if topic else "")


def ruffecois_contract():
    title = "Contrat Local de Santé du PETR du Pays du Ruffécois"
    groups = [
        Section(
            f"Groupe « {group.full_name} »",
            bullets=tuple(meeting_title(date, topic) for date, topic in group.meetings)
            or ("Aucun compte-rendu publié.",),
        )
        for group in ruffecois.WORKING_GROUPS
    ]
    return Document(
        title=title,
        subtitle="PETR du Pays du Ruffécois – Charente – jusqu'en 2017",
        notice=reconstruction(ruffecois.ORIGINAL_CONTRACT),
        footer=footer(title),
        author="PETR du Pays du Ruffécois",
        sections=(
            Section(
                "Objet et enjeux du Contrat Local de Santé",
                paragraphs=(ruffecois.LAW, ruffecois.PURPOSE, ruffecois.COORDINATION),
            ),
            Section("Ce que vise le contrat", bullets=tuple(ruffecois.OBJECTIVES)),
            Section(
                "Une dimension intersectorielle",
                paragraphs=(ruffecois.INTERSECTORAL,),
                bullets=tuple(ruffecois.INTERSECTORAL_AIMS),
            ),
            Section("Durée du contrat", paragraphs=(ruffecois.DURATION,)),
            health_problems("Les problèmes de santé repérés par le diagnostic"),
            Section(
                "Les axes stratégiques",
                paragraphs=(ruffecois.AXES_ORIGIN,),
                bullets=tuple(ruffecois_axes()),
            ),
            Section("La lettre de cadrage", paragraphs=(ruffecois.FRAMING_LETTER,)),
            Section(
                "Les groupes de travail et leurs comptes-rendus",
                subsections=tuple(groups),
            ),
            Section(
                "Les fiches action",
                paragraphs=(
                    ruffecois.LIMITED_ACTIONS,
                    ruffecois.PRIORITIES,
                    "Les 8 priorités, leurs objectifs et les fiches action figurent dans le "
                    "contrat original ; la page publique ne les détaille pas.",
                ),
            ),
        ),
    )


def ruffecois_diagnostic():
    title = "Diagnostic santé social du territoire Ruffécois"
    return Document(
        title=title,
        subtitle="Observatoire régional de la Santé – Pays du Ruffécois",
        notice=reconstruction("Le diagnostic de l'Observatoire régional de la Santé"),
        footer=footer(title),
        author="Observatoire régional de la Santé",
        sections=(
            health_problems("Les problèmes de santé repérés"),
            Section(
                "Ce que le contrat en a fait",
                paragraphs=(ruffecois.PRIORITIES, ruffecois.AXES_ORIGIN),
                bullets=tuple(ruffecois_axes()),
            ),
        ),
    )


def minutes_agenda(date, topic):
    """The agenda of a meeting, from the steps the public page describes: example items."""
    if date.year == 2014:
        items = [
            "Partage des éléments issus du diagnostic santé social de l'Observatoire régional "
            "de la Santé.",
            "Priorités du groupe et objectifs qui en découlent.",
        ]
    else:
        items = ["Suivi des priorités et des objectifs du groupe."]
    return [f"Thème de la réunion : {topic}.", *items] if topic else items


def ruffecois_minutes(group, date, topic):
    title = meeting_title(date, topic)
    axis_title = dict(ruffecois.AXES)[group.axis]
    others = [
        meeting_title(other_date, other_topic)
        + (" (cette réunion)" if (other_date, other_topic) == (date, topic) else "")
        for other_date, other_topic in group.meetings
    ]
    return Document(
        title=title,
        subtitle=(
            f"Groupe de travail « {group.full_name} » – {RUFFECOIS_CONTRACT} – réunion du "
            f"{french_date(date)}"
        ),
        notice=(
            "Reconstitution de démonstration. La page publique du contrat ne donne que la date "
            "et le groupe de cette réunion : le relevé des échanges n'est pas reproduit, "
            "l'ordre du jour est un exemple tiré de la démarche qu'elle décrit."
        ),
        footer=footer(title),
        author="PETR du Pays du Ruffécois",
        sections=(
            Section("Ordre du jour", bullets=tuple(minutes_agenda(date, topic))),
            Section(
                "Le groupe de travail",
                paragraphs=(
                    f"Le groupe « {group.full_name} » travaille sur l'axe {group.axis} du "
                    f"contrat : {axis_title}.",
                    ruffecois.PRIORITIES,
                ),
            ),
            Section("Les réunions du groupe", bullets=tuple(others)),
            Section(
                "Relevé des échanges",
                paragraphs=("Non reproduit : la page publique du contrat ne le publie pas.",),
            ),
        ),
    )


def aude_diagnostic():
    return Document(
        title=aude.DIAGNOSTIC_TITLE,
        subtitle=aude.DIAGNOSTIC_DESCRIPTION,
        notice=reconstruction(aude.ORIGINAL_DIAGNOSTIC),
        footer=footer(aude.DIAGNOSTIC_TITLE),
        author="Communauté de Communes des Pyrénées Audoises",
        sections=(
            Section("Le Contrat Local de Santé", paragraphs=tuple(aude.DEFINITION)),
            Section(aude.HEADLINE, paragraphs=(aude.PARTNERSHIP,), bullets=tuple(aude.PARTNERS)),
            Section(
                "Une démarche contractuelle, partenariale et intersectorielle",
                paragraphs=(aude.APPROACH, aude.DIAGNOSTIC_OUTCOME),
            ),
            Section("Le territoire", paragraphs=(aude.COMMUNES,), bullets=tuple(aude.MISSIONS)),
            Section(
                "Les 5 axes de travail",
                subsections=tuple(
                    Section(f"Axe {number} : {title}", paragraphs=(text,))
                    for number, title, _colour, text in aude.AXES
                ),
            ),
            Section(
                "Les actions",
                paragraphs=(aude.ACTIONS_INTRO,),
                bullets=tuple(aude.ACTIONS),
            ),
        ),
    )
