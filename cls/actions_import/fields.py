"""One cell's text → the value it stands for, in the terms of cls/actions_import/current.py.

Organisations, publics, communes and axes are matched whatever the case and accents;
an unknown organisation or axis is planned for creation when the editor asked for it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cls.commune_names import search_key
from cls.models import ActionIndicator, ActionPage, ActionStatus, Commune
from cls.models.action import ActionPartner, Recurrence

from .cells import parse_amount, parse_date, rich_text_value, split_list
from .columns import DETAIL_SEPARATOR, LIST_SEPARATOR, TRANSVERSAL, WHOLE_TERRITORY, choices_by_key
from .current import TRANSVERSAL_AXIS

INSEE_IN_TEXT = re.compile(r"\b(\d[\dAB]\d{3})\b")
NEW = "new:"
INDICATOR_TEXTS = (
    "label",
    "target",
    "value",
)  # an organisation or axis to create, keyed by its search key


class CellInvalid(Exception):
    def __init__(self, message, column=None):
        super().__init__(message)
        self.message = message
        self.column = column  # when it is not the cell being parsed


def max_length(model, name):
    return model._meta.get_field(name).max_length


def bounded_text(text, limit):
    if len(text) > limit:
        raise CellInvalid(
            _("%(count)s caractères : %(limit)s au plus.") % {"count": len(text), "limit": limit}
        )
    return text


class CellParser:
    """Parses the cells of one file against one contract; remembers what is to be created."""

    def __init__(self, data, create_axes, create_organisations):
        self.data = data
        self.create_axes = create_axes
        self.create_organisations = create_organisations
        self.new_axes = {}  # axis key → title
        self.new_organisations = {}  # NEW + search key → name
        self.statuses = choices_by_key(ActionStatus.choices)
        self.recurrences = choices_by_key(Recurrence.choices)
        self.kinds = choices_by_key(ActionIndicator.Kind.choices)
        self.publics = choices_by_key(
            (public.pk, label)
            for public in data.publics.values()
            for label in (public.code, str(public))
        )

    def prepare_communes(self, texts):
        """Communes named by INSEE code outside the territory: one query for the file."""
        codes = {code for text in texts for code in INSEE_IN_TEXT.findall(text or "")}
        known = {commune.insee_code for commune in self.data.communes.values()}
        for commune in Commune.objects.filter(insee_code__in=codes - known).only(
            "name", "insee_code"
        ):
            self.data.communes[commune.pk] = commune
        self.communes_by_code = {c.insee_code: c.pk for c in self.data.communes.values()}

    def parse(self, key, text, cells):
        return getattr(self, f"parse_{key}")(text, cells)

    def parse_code(self, text, cells):
        if not text:
            raise CellInvalid(_("Le code est obligatoire : il retrouve la fiche à l'import."))
        return bounded_text(text, max_length(ActionPage, "code"))

    def parse_title(self, text, cells):
        if not text:
            raise CellInvalid(_("Le titre est obligatoire."))
        return bounded_text(" ".join(text.split()), max_length(ActionPage, "title"))

    def parse_axis(self, text, cells):
        key = search_key(text)
        key = re.sub(r"^axe ", "", key)
        if not key:
            raise CellInvalid(_("L'axe est obligatoire : son numéro ou « transversal »."))
        if key.isdigit():
            key = int(key)
        elif key in (search_key(str(TRANSVERSAL)), "t"):
            key = TRANSVERSAL_AXIS
        if key in self.data.axes or key in self.new_axes:
            return key
        if not self.create_axes:
            raise CellInvalid(
                _(
                    "L'axe « %(axis)s » n'existe pas dans ce contrat. Corrigez-le, ou cochez "
                    "« Créer les axes manquants »."
                )
                % {"axis": text}
            )
        title = " ".join(cells.get("axis_title", "").split())
        if isinstance(key, int):
            self.new_axes[key] = title or _("Axe %(number)s") % {"number": key}
        elif key == TRANSVERSAL_AXIS:
            self.new_axes[key] = title or _("Axe transversal")
        else:
            self.new_axes[key] = " ".join(text.split())
        return key

    def parse_axis_title(self, text, cells):
        return bounded_text(" ".join(text.split()), 255)

    def parse_example_note(self, text, cells):
        return bounded_text(" ".join(text.split()), max_length(ActionPage, "example_note"))

    def parse_summary(self, text, cells):
        return bounded_text(text, max_length(ActionPage, "summary"))

    def parse_context(self, text, cells):
        return rich_text_value(text)

    parse_objectives = parse_context

    def organisation(self, name):
        key = search_key(name)
        if key in self.data.organisations_by_name:
            return self.data.organisations_by_name[key]
        if not self.create_organisations:
            raise CellInvalid(
                _(
                    "Organisation « %(name)s » inconnue. Ajoutez-la dans « Territoire et "
                    "partenaires › Partenaires », ou cochez « Créer les organisations inconnues »."
                )
                % {"name": name}
            )
        self.new_organisations.setdefault(NEW + key, bounded_text(name, 200))
        return NEW + key

    def parse_pilot(self, text, cells):
        return self.organisation(" ".join(text.split())) if text else None

    def organisation_details(self, text):
        """« CPAM : financeur ; Mairie » → [(organisation, "financeur"), (mairie, "")]."""
        details = []
        for part in split_list(text, LIST_SEPARATOR):
            name, _separator, detail = part.partition(DETAIL_SEPARATOR)
            details.append((self.organisation(" ".join(name.split())), detail.strip()))
        return details

    def parse_partners(self, text, cells):
        limit = max_length(ActionPartner, "role")
        return tuple(
            (organisation, bounded_text(role, limit))
            for organisation, role in self.organisation_details(text)
        )

    def parse_funders(self, text, cells):
        funders = []
        for organisation, amount in self.organisation_details(text):
            funders.append((organisation, self.amount(amount) if amount else None))
        return tuple(funders)

    def parse_publics(self, text, cells):
        codes = set()
        for name in split_list(text, LIST_SEPARATOR):
            if search_key(name) not in self.publics:
                raise CellInvalid(
                    _("Public « %(name)s » inconnu. Choisissez parmi : %(choices)s.")
                    % {
                        "name": name,
                        "choices": ", ".join(str(p) for p in self.data.publics.values()),
                    }
                )
            codes.add(self.publics[search_key(name)])
        return tuple(sorted(codes))

    def parse_territory(self, text, cells):
        if not text or search_key(text) == search_key(str(WHOLE_TERRITORY)):
            return None
        ids = set()
        for name in split_list(text, LIST_SEPARATOR):
            ids.add(self.commune(name))
        return tuple(sorted(ids))

    def commune(self, name):
        code = INSEE_IN_TEXT.search(name)
        if code and code.group(1) in self.communes_by_code:
            return self.communes_by_code[code.group(1)]
        if code:
            raise CellInvalid(_("Aucune commune n'a le code INSEE « %(code)s ».") % {"code": name})
        found = self.data.territory_by_name.get(search_key(name), [])
        if len(found) == 1:
            return found[0].pk
        if found:
            raise CellInvalid(
                _(
                    "Plusieurs communes du territoire s'appellent « %(name)s » : donnez le "
                    "code INSEE."
                )
                % {"name": name}
            )
        raise CellInvalid(
            _(
                "La commune « %(name)s » n'est pas dans le territoire du contrat : vérifiez son "
                "nom ou donnez son code INSEE."
            )
            % {"name": name}
        )

    def date(self, text):
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError:
            raise CellInvalid(
                _(
                    "« %(text)s » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple "
                    "04/07/2025."
                )
                % {"text": text}
            ) from None

    def parse_start_date(self, text, cells):
        return self.date(text)

    parse_end_date = parse_start_date

    def choice(self, text, choices, default):
        if not text:
            return default
        if search_key(text) not in choices:
            raise CellInvalid(_("« %(text)s » ne fait pas partie de la liste.") % {"text": text})
        return choices[search_key(text)]

    def parse_status(self, text, cells):
        return self.choice(text, self.statuses, ActionStatus.PLANNED)

    def parse_recurrence(self, text, cells):
        return self.choice(text, self.recurrences, "")

    def amount(self, text):
        try:
            amount = parse_amount(text)
        except ValueError:
            raise CellInvalid(
                _("« %(text)s » n'est pas une somme en euros, par exemple 12 000 ou 12000,50.")
                % {"text": text}
            ) from None
        if amount < 0 or amount.normalize().as_tuple().exponent < -2:
            raise CellInvalid(_("Une somme positive, avec deux décimales au plus."))
        if amount >= 10**10:
            raise CellInvalid(_("Cette somme est trop grande."))
        return amount

    def parse_budget(self, text, cells):
        return self.amount(text) if text else None

    def parse_indicator(self, cells):
        """An indicator row → (label, kind, target, value, date), checked as the admin does."""
        texts = {key: " ".join(cells.get(key, "").split()) for key in INDICATOR_TEXTS}
        for key, text in texts.items():
            try:
                bounded_text(text, max_length(ActionIndicator, key))
            except CellInvalid as error:
                raise CellInvalid(error.message, key) from None
        if not texts["label"]:
            raise CellInvalid(_("L'intitulé de l'indicateur est obligatoire."), "label")
        try:
            kind = self.choice(cells.get("kind", ""), self.kinds, ActionIndicator.Kind.QUANTITATIVE)
        except CellInvalid as error:
            raise CellInvalid(error.message, "kind") from None
        indicator = ActionIndicator(kind=kind, **texts)
        try:
            indicator.clean()
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            raise CellInvalid(" ".join(messages), field) from None
        try:
            measured_on = self.date(cells.get("measured_on", ""))
        except CellInvalid as error:
            raise CellInvalid(error.message, "measured_on") from None
        return (texts["label"], kind, texts["target"], texts["value"], measured_on)
