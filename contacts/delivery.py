"""Sending a stored contact message to its recipient, recording the outcome on the row."""

import logging
import smtplib
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import InterfaceError, OperationalError, connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models.submission import SENDABLE_STATES, ContactSubmission, DeliveryState

logger = logging.getLogger(__name__)

# The mail server answered with an error: it did not take the message.
SERVER_REFUSALS = (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused)
# Long enough for a PostgreSQL restart or failover.
RECORD_PATIENCE_SECONDS = 60


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
        headers={"Message-ID": submission.message_id},
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


def deliver(submission_id, states=SENDABLE_STATES):
    """Send a stored message whose state is in `states`, at most once.

    "Sending" is committed before the mail server is contacted, and the outcome after:
    sent, failed (the server certainly did not accept it: retried later) or unknown (it
    may have: never re-sent without a person checking). Returns the message with its new
    state, or None when it was not to be sent (sent, being sent, unknown, purged).
    """
    submission = despite_connection_loss(lambda: ContactSubmission.claim(submission_id, states))
    if submission is None:
        return None
    try:
        message = build_email(submission)
        if not message.to:
            raise ValueError(_("aucun destinataire n'est défini sur la page de contact"))
    except Exception as error:  # whatever fails, the message stays stored and listed
        outcome, error = DeliveryState.FAILED, error
    else:
        outcome, error = hand_over(message)
    if error is not None:
        logger.warning("Contact message %s not delivered (%s): %s", submission_id, outcome, error)
    record = {
        DeliveryState.SENT: submission.record_delivery,
        DeliveryState.FAILED: lambda: submission.record_failure(describe(error)),
        DeliveryState.UNKNOWN: lambda: submission.record_unknown(describe(error)),
    }[outcome]
    despite_connection_loss(record)
    return submission


def hand_over(message):
    """Give the message to the mail server: (state, error), the state being SENT, FAILED
    when the server refused it or was never reached, UNKNOWN when it may have taken it
    (no answer before the timeout, connection lost while sending)."""
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:
        return DeliveryState.FAILED, error
    try:
        connection.send_messages([message])
    except SERVER_REFUSALS as error:
        return DeliveryState.FAILED, error
    except Exception as error:
        return DeliveryState.UNKNOWN, error
    finally:
        try:
            connection.close()
        except Exception as error:  # the message was handed over or not: closing changes nothing
            logger.info("Closing the mail server connection failed: %s", error)
    return DeliveryState.SENT, None


def describe(error):
    return f"{type(error).__name__}: {error}"


def despite_connection_loss(write):
    """Run `write` again until the database answers (restart, failover), for at most
    RECORD_PATIENCE_SECONDS: a message sent must not stay recorded as unsent, and one
    not claimed yet must not wait for the catch-up command."""
    deadline = time.monotonic() + RECORD_PATIENCE_SECONDS
    while True:
        try:
            return write()
        except (OperationalError, InterfaceError) as error:
            if connection.in_atomic_block or time.monotonic() > deadline:
                raise
            logger.warning("Database unavailable, delivery state not written yet: %s", error)
            connection.close()
            time.sleep(1)
