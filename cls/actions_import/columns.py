"""The template's sheets and columns: French names, the help shown in the first row.

A file is read and written in French whatever the editor's admin language, so that a
file exported by one editor imports for any other (`in_template_language`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cls.commune_names import search_key
from cls.models import ActionIndicator, ActionStatus, TargetPublic
from cls.models.action import Recurrence

# Within a cell: several publics, partners, communes… (« CPAM : financeur ; Mairie »).
LIST_SEPARATOR = ";"
# Between an organisation and its role or amount.
DETAIL_SEPARATOR = ":"
TRANSVERSAL = _("transversal")
WHOLE_TERRITORY = _("Tout le territoire")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    help: str
    required: bool = False
    width: int = 20


ACTIONS_SHEET = _("Actions")
INDICATORS_SHEET = _("Indicateurs")
LISTS_SHEET = _("Listes")

ACTION_COLUMNS = [
    Column(
        "code",
        _("Code"),
        _("Obligatoire. Numéro de la fiche, par exemple 2.3 : il retrouve la fiche à l'import."),
        required=True,
        width=8,
    ),
    Column(
        "axis",
        _("Axe"),
        _("Obligatoire. Numéro de l'axe (1, 2, 3…) ou « transversal »."),
        required=True,
        width=8,
    ),
    Column(
        "axis_title",
        _("Intitulé de l'axe"),
        _("Sert seulement à créer un axe qui n'existe pas encore."),
        width=30,
    ),
    Column("title", _("Titre"), _("Obligatoire. Le titre de la fiche."), required=True, width=40),
    Column("summary", _("Résumé"), _("Une ou deux phrases, 400 caractères au plus."), width=50),
    Column(
        "context", _("Contexte"), _("Le constat du diagnostic qui justifie l'action."), width=50
    ),
    Column(
        "objectives",
        _("Objectifs"),
        _("Un paragraphe par ligne ; une ligne commençant par « - » devient une puce."),
        width=50,
    ),
    Column(
        "pilot", _("Pilote"), _("La structure qui porte l'action : son nom ou son sigle."), width=25
    ),
    Column(
        "partners",
        _("Partenaires"),
        _("Séparés par « ; », le rôle après « : », par exemple « CPAM : financeur ; Mairie »."),
        width=40,
    ),
    Column(
        "publics",
        _("Publics cibles"),
        _("Séparés par « ; », choisis dans la feuille « Listes »."),
        width=30,
    ),
    Column(
        "territory",
        _("Territoire"),
        _("« Tout le territoire », ou les communes séparées par « ; » (nom ou code INSEE)."),
        width=30,
    ),
    Column("start_date", _("Début"), _("Date au format JJ/MM/AAAA."), width=12),
    Column("end_date", _("Fin"), _("Date au format JJ/MM/AAAA, après le début."), width=12),
    Column("recurrence", _("Fréquence"), _("Choisie dans la liste, ou vide."), width=16),
    Column("status", _("État d'avancement"), _("Choisi dans la liste ; vide : à venir."), width=18),
    Column("budget", _("Budget (€)"), _("Budget prévisionnel total, en euros."), width=12),
    Column(
        "funders",
        _("Financeurs"),
        _("Séparés par « ; », le montant après « : », par exemple « ARS : 5000 ; Département »."),
        width=40,
    ),
    Column(
        "example_note",
        _("Contenu d'exemple"),
        _(
            "Sur un site de démonstration ou de formation : ce qui est inventé dans la fiche "
            "(elle portera le badge « Exemple »). Vide pour une fiche réelle."
        ),
        width=30,
    ),
]

INDICATOR_COLUMNS = [
    Column(
        "action_code",
        _("Code de l'action"),
        _("Obligatoire. Le code de la fiche dans la feuille « Actions »."),
        required=True,
        width=10,
    ),
    Column(
        "label",
        _("Indicateur"),
        _("Obligatoire. Par exemple « nombre de participants »."),
        required=True,
        width=40,
    ),
    Column("kind", _("Nature"), _("Quantitatif (un nombre) ou qualitatif (des mots)."), width=14),
    Column("target", _("Cible"), _("La valeur visée, par exemple « 150 »."), width=14),
    Column("value", _("Valeur atteinte"), _("La dernière valeur mesurée."), width=14),
    Column("measured_on", _("Date de la mesure"), _("Date au format JJ/MM/AAAA."), width=14),
]


def in_template_language():
    """The language of the template's names and lists: the site's default, French."""
    return translation.override(settings.LANGUAGE_CODE)


def list_values():
    """The drop-down lists of the template: column key → the labels it accepts."""
    return {
        "status": [str(label) for label in ActionStatus.labels],
        "publics": [str(public) for public in TargetPublic.objects.all()],
        "recurrence": [str(label) for label in Recurrence.labels],
        "kind": [str(label) for label in ActionIndicator.Kind.labels],
    }


def choices_by_key(choices):
    """Label or code, as typed in any case and with or without accents → the code."""
    found = {}
    for code, label in choices:
        found[search_key(str(code))] = code
        found[search_key(str(label))] = code
    return found
