import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def _dial_digits(phone):
    return "".join(char for char in phone if char.isdigit() or char == "+")


def tel_uri(phone):
    """A French phone number as a tel: URI in international form ("04 68…" → tel:+334…)."""
    digits = _dial_digits(phone)
    if digits.startswith("0") and len(digits) == 10:
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


def format_french_phone(phone):
    """A French number written the French way, in pairs: "0468000000" → "04 68 00 00 00".

    Numbers in international form (+33 4…) are shown as dialled from France; anything
    that is not a ten-digit French number is left as the editor typed it.
    """
    digits = _dial_digits(phone)
    if digits.startswith("+33") and len(digits) == 12:
        digits = "0" + digits[3:]
    if len(digits) != 10 or not digits.isdigit() or not digits.startswith("0"):
        return phone
    return " ".join(digits[index : index + 2] for index in range(0, 10, 2))


def validate_phone(phone):
    """Ten digits starting with 0, an international number, or a short number (3919);
    spaces, dots, hyphens and brackets between them."""
    if not re.fullmatch(r"\+\d{8,15}|0\d{9}|\d{3,4}", re.sub(r"[\s.()-]", "", phone)):
        raise ValidationError(
            _(
                "Ce numéro ne semble pas complet : dix chiffres commençant par 0 "
                "(04 68 00 00 00) ou un numéro international (+33 4 68 00 00 00)."
            ),
            code="invalid_phone",
        )
