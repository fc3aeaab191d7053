"""A filled example of the template for a contract: its actions, plus invented ones.

For the demo's Aude contract (5 axes, 3 actions from the source site) the example holds
26 actions, the size of a real contract's annex; each invented action says so in its
« Contenu d'exemple » column, so that once imported it carries the « Exemple » badge.
"""

from cls.models import ActionIndicator, ActionStatus, AxisPage

from .current import ContractData, axis_key, current_actions
from .writer import workbook_bytes

EXAMPLE_NOTE = "Fiche inventée pour la démonstration : titre, résumé et indicateur."
# (code, axis number, title, target public code, status)
INVENTED_ACTIONS = [
    ("1.1", 1, "Permanences d'accès aux droits de santé", "precarite", ActionStatus.RUNNING),
    ("1.2", 1, "Accueil des internes en médecine générale", "professionnels", ActionStatus.RUNNING),
    (
        "1.3",
        1,
        "Soutien aux maisons de santé pluriprofessionnelles",
        "professionnels",
        ActionStatus.PLANNED,
    ),
    ("1.4", 1, "Transport solidaire vers les consultations", "seniors", ActionStatus.RUNNING),
    ("1.5", 1, "Guide des professionnels de santé du territoire", "tous", ActionStatus.DONE),
    ("1.6", 1, "Téléconsultation accompagnée en pharmacie", "tous", ActionStatus.PLANNED),
    ("2.3", 2, "Vaccination : journées d'information", "parents", ActionStatus.RUNNING),
    ("2.4", 2, "Éducation à la vie affective au collège", "jeunes", ActionStatus.RUNNING),
    ("2.5", 2, "Prévention solaire sur les lieux de baignade", "tous", ActionStatus.DONE),
    ("2.6", 2, "Dépistage des cancers : relais de proximité", "adultes", ActionStatus.PLANNED),
    ("3.2", 3, "Ateliers équilibre et prévention des chutes", "seniors", ActionStatus.RUNNING),
    ("3.3", 3, "Repérage de la fragilité à domicile", "seniors", ActionStatus.PLANNED),
    ("3.4", 3, "Soutien aux aidants familiaux", "adultes", ActionStatus.RUNNING),
    ("3.5", 3, "Ateliers mémoire dans les foyers ruraux", "seniors", ActionStatus.DONE),
    ("4.1", 4, "Repérage de l'habitat indigne", "precarite", ActionStatus.RUNNING),
    ("4.2", 4, "Ateliers cuisine et petits budgets", "precarite", ActionStatus.RUNNING),
    ("4.3", 4, "Qualité de l'air intérieur dans les écoles", "enfants", ActionStatus.PLANNED),
    ("4.4", 4, "Lutte contre le moustique tigre", "tous", ActionStatus.RUNNING),
    ("4.5", 4, "Jardins partagés et alimentation", "tous", ActionStatus.DONE),
    ("5.1", 5, "Premiers secours en santé mentale", "tous", ActionStatus.RUNNING),
    ("5.2", 5, "Point écoute jeunes", "jeunes", ActionStatus.RUNNING),
    ("5.3", 5, "Prévention des addictions en milieu festif", "jeunes", ActionStatus.PLANNED),
    ("5.4", 5, "Semaines d'information sur la santé mentale", "tous", ActionStatus.RENEWED),
]


def example_workbook(contract):
    """The template filled with the contract's actions and the invented ones it lacks."""
    data = ContractData(contract)
    actions = current_actions(data)
    codes = {action.values["code"] for action in actions}
    public_ids = {public.code: pk for pk, public in data.publics.items()}
    axes = {axis_key(axis): axis for axis in AxisPage.objects.child_of(contract)}
    invented = [
        InventedAction(code, number, axes, title, public_ids[public], status)
        for code, number, title, public, status in INVENTED_ACTIONS
        if code not in codes and number in axes
    ]
    return workbook_bytes(data, [*actions, *invented])


class InventedAction:
    """An invented action in the terms of cls/actions_import/current.py."""

    def __init__(self, code, number, axes, title, public_id, status):
        self.values = {
            "code": code,
            "axis": number,
            "axis_title": axes[number].title,
            "title": title,
            "summary": f"Exemple : {title.lower()}, sur tout le territoire.",
            "context": "",
            "objectives": "",
            "pilot": None,
            "partners": (),
            "publics": (public_id,),
            "territory": None,
            "start_date": None,
            "end_date": None,
            "recurrence": "",
            "status": status,
            "budget": None,
            "funders": (),
            "indicators": (
                ("Nombre de participants", ActionIndicator.Kind.QUANTITATIVE, "100", "", None),
            ),
            "example_note": EXAMPLE_NOTE,
        }
