"""Admin date fields typed the French way (JJ/MM/AAAA), with the expected format shown.

Wagtail's date picker wrote and read 2023-07-04, and replaced what it could not read
with today's date when the field lost focus: an editor typing 04/07/2023 saved today's
date without a word. Here the picker writes JJ/MM/AAAA (WAGTAIL_DATE_FORMAT), leaves
what the editor typed alone, and the form reads it (DATE_INPUT_FORMATS: JJ/MM/AAAA or
ISO) or answers « Saisissez une date valide. » under the field.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput


class TypedDateMixin:
    """A placeholder showing the format, and a picker that never rewrites the typed text."""

    placeholder = None

    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs={"placeholder": self.placeholder, **(attrs or {})}, **kwargs)

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TypedDateInput(TypedDateMixin, AdminDateInput):
    placeholder = _("JJ/MM/AAAA")


class TypedDateTimeInput(TypedDateMixin, AdminDateTimeInput):
    placeholder = _("JJ/MM/AAAA HH:MM")


def typed_date_field(widget, format_help):
    """Form field options for a model date field: the widget, and the format after the
    field's own help text."""

    def options(db_field):
        help_text = format_lazy("{} {}", db_field.help_text, format_help)
        return {"widget": widget, "help_text": help_text if db_field.help_text else format_help}

    return options


def use_typed_date_inputs():
    """Every date field of the admin's model forms (pages, snippets, documents, settings)."""
    register_form_field_override(
        models.DateField,
        override=typed_date_field(
            TypedDateInput, _("Au format JJ/MM/AAAA, par exemple 04/07/2023.")
        ),
    )
    register_form_field_override(
        models.DateTimeField,
        override=typed_date_field(
            TypedDateTimeInput, _("Au format JJ/MM/AAAA HH:MM, par exemple 04/07/2023 14:30.")
        ),
    )
