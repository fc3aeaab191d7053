"""The codes that identify a commune, checked the same way in the admin and in imports."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Five characters, starting with a department: 01 to 95 (no 20: Corsica is 2A and 2B
# since 1976), 97x overseas departments, 98x overseas collectivities.
INSEE_CODE = re.compile(r"^(?:(?:0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5])\d{3}|2[AB]\d{3}|9[78]\d{3})$")
POSTCODE = re.compile(r"^(?!00)\d{5}$")
SIREN = re.compile(r"^\d{9}$")


def validate_insee_code(value):
    if not INSEE_CODE.match(value):
        raise ValidationError(
            _(
                "« %(value)s » n'est pas un code INSEE "
                "(cinq caractères, par exemple 11069 ou 2A004)."
            ),
            code="invalid_insee_code",
            params={"value": value},
        )


def split_postcodes(value):
    return re.split(r"[\s,;|]+", value.strip()) if value.strip() else []


def validate_postcodes(value):
    wrong = [postcode for postcode in split_postcodes(value) if not POSTCODE.match(postcode)]
    if wrong:
        raise ValidationError(
            _("« %(value)s » n'est pas un code postal (cinq chiffres, par exemple 11500)."),
            code="invalid_postcode",
            params={"value": wrong[0]},
        )


def validate_siren(value):
    if not SIREN.match(value):
        raise ValidationError(
            _("« %(value)s » n'est pas un SIREN (neuf chiffres, par exemple 200071926)."),
            code="invalid_siren",
            params={"value": value},
        )


def first_error(validator, value):
    """The validator's French message for this value, or None when it is valid."""
    try:
        validator(value)
    except ValidationError as error:
        return error.messages[0]
    return None
