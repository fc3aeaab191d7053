"""Mistakes the admin forms refuse, with a French message under the field concerned."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def check_end_after_start(start, end, end_field):
    """An end before the start: dates of a contract or an action, times of an event."""
    if start and end and end < start:
        raise ValidationError({end_field: _("La fin ne peut pas précéder le début.")})


def check_not_itself(page, target_id, field, message):
    """A page chosen as its own previous generation or its own source."""
    if page.pk is not None and target_id == page.pk:
        raise ValidationError({field: message})
