"""Sending a stored contact message to its recipient, recording the outcome on the row."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _printable(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    return value


def build_email(submission):
    """The notification: every field with its label, replying to the visitor's address."""
    page = submission.page.specific
    with translation.override(settings.LANGUAGE_CODE):
        labels = dict(page.get_data_fields())
        fields = [
            (labels.get(name, name), _printable(value))
            for name, value in submission.form_data.items()
        ]
        subject = page.subject or _("Nouveau message depuis « %(page)s »") % {"page": page.title}
        body = render_to_string(
            "contacts/emails/notification.txt",
            {
                "page": page,
                "fields": fields,
                "submit_time": date_format(
                    timezone.localtime(submission.submit_time), "DATETIME_FORMAT"
                ),
            },
        )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=page.get_recipient_addresses(submission.recipient),
        reply_to=_visitor_addresses(page, submission),
    )


def _visitor_addresses(page, submission):
    addresses = []
    for name in page.get_email_field_names():
        try:
            validate_email(submission.form_data.get(name, ""))
        except ValidationError:
            continue
        addresses.append(submission.form_data[name])
    return addresses[:1]


def deliver(submission_id):
    """Send one undelivered message; True once sent. Safe to call twice at the same time.

    The row stays locked while the mail server answers, so that the task and the
    re-send command never both send it.
    """
    from .models import ContactSubmission  # the models import this module's task

    with transaction.atomic():
        submission = (
            ContactSubmission.objects.select_for_update()
            .undelivered()
            .filter(pk=submission_id)
            .first()
        )
        if submission is None:  # already sent, or purged
            return True
        try:
            message = build_email(submission)
            if not message.to:
                raise ValueError(_("aucun destinataire n'est défini sur la page de contact"))
            message.send()
        except Exception as error:  # whatever fails, the message stays stored and listed
            logger.warning("Contact message %s not delivered: %s", submission_id, error)
            submission.record_failure(f"{type(error).__name__}: {error}")
            return False
        submission.record_delivery()
        return True
