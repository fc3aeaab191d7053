"""Each contact message reaches the mail server at most once, whatever the server does;
the admin always tells what is known. A real SMTP server on loopback, Django's SMTP backend."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from contacts.models import ContactPage, ContactSubmission, DeliveryState
from contacts.tasks import deliver_contact_message

from .smtp_server import smtp_server

pytestmark = pytest.mark.django_db

CLIENT_TIMEOUT = 1  # seconds


@pytest.fixture
def contact_page(aude_site):
    return ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")


@pytest.fixture
def mail_server(settings):
    """What the next test's messages meet: a real SMTP server, answering at once."""
    with smtp_server() as mailbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = mailbox.port
        settings.EMAIL_TIMEOUT = CLIENT_TIMEOUT
        yield mailbox


@pytest.fixture
def stored_message(contact_page):
    return ContactSubmission.objects.create(
        page=contact_page, form_data={"votre_message": "Où trouver le diagnostic ?"}
    )


def resend(*options):
    call_command("resend_contact_messages", *options, stdout=(output := io.StringIO()))
    return output.getvalue()


def long_ago():
    return timezone.now() - timedelta(minutes=settings.CONTACT_DELIVERY_OVERDUE_MINUTES + 1)


def test_a_message_reaches_the_mail_server_once_with_the_message_id_it_keeps(
    mail_server, stored_message
):
    deliver_contact_message.enqueue(stored_message.pk)
    deliver_contact_message.enqueue(stored_message.pk)  # a duplicate task changes nothing

    stored_message.refresh_from_db()
    assert stored_message.delivery_state == DeliveryState.SENT
    assert mail_server.message_ids() == [stored_message.message_id]
    assert stored_message.message_id.startswith("<") and "contact-" in stored_message.message_id


def test_a_server_answering_after_the_timeout_gets_the_message_once(mail_server, stored_message):
    mail_server.reply_delay = CLIENT_TIMEOUT + 1  # accepts, but answers too late

    deliver_contact_message.enqueue(stored_message.pk)

    stored_message.refresh_from_db()
    assert stored_message.delivery_state == DeliveryState.UNKNOWN
    assert stored_message.retry_at is None
    assert stored_message.delivery_summary.startswith(
        "état inconnu : vérifier la boîte de réception (envoi tenté le "
    )
    mail_server.reply_delay = 0
    ContactSubmission.objects.update(submit_time=long_ago())
    assert resend().startswith("0 message(s) sent")
    assert resend("--all").startswith("0 message(s) sent")
    assert len(mail_server.messages) == 1

    # Once somebody checked the recipient did not get it: sent again, with the same id.
    assert resend("--unknown").startswith("1 message(s) sent")
    stored_message.refresh_from_db()
    assert stored_message.delivery_state == DeliveryState.SENT
    assert mail_server.message_ids() == [stored_message.message_id] * 2


def test_a_refused_message_is_retried_later_with_the_same_message_id(mail_server, stored_message):
    mail_server.reply = "451 4.3.0 Boîte temporairement indisponible"

    deliver_contact_message.enqueue(stored_message.pk)

    stored_message.refresh_from_db()
    assert stored_message.delivery_state == DeliveryState.FAILED
    assert "SMTPDataError: (451" in stored_message.last_delivery_error
    assert timedelta(minutes=4) < stored_message.retry_at - timezone.now() <= timedelta(minutes=5)
    assert "nouvelle tentative le" in stored_message.delivery_summary

    mail_server.reply = "250 OK"
    ContactSubmission.objects.update(retry_at=long_ago())  # the deferred task was lost
    assert resend().startswith("1 message(s) sent")
    stored_message.refresh_from_db()
    assert stored_message.delivery_state == DeliveryState.SENT
    assert stored_message.delivery_attempts == 2
    assert mail_server.message_ids() == [stored_message.message_id] * 2


def test_a_sending_cut_short_without_an_outcome_is_marked_unknown_never_resent(
    mail_server, stored_message
):
    # The worker was killed while the mail server held the message.
    ContactSubmission.objects.update(
        delivery_state=DeliveryState.SENDING,
        delivery_attempts=1,
        delivery_started_at=long_ago(),
        submit_time=long_ago(),
    )

    output = resend()

    stored_message.refresh_from_db()
    assert output.endswith("1 stuck while sending marked unknown.\n")
    assert stored_message.delivery_state == DeliveryState.UNKNOWN
    assert "l'issue de l'envoi n'a pas été enregistrée" in stored_message.delivery_summary
    assert mail_server.messages == []


def test_a_message_being_sent_is_left_to_its_sender(mail_server, stored_message):
    ContactSubmission.objects.update(
        delivery_state=DeliveryState.SENDING, delivery_started_at=timezone.now()
    )

    deliver_contact_message.enqueue(stored_message.pk)
    resend("--all")

    assert mail_server.messages == []
    stored_message.refresh_from_db()
    assert stored_message.delivery_summary.startswith("envoi en cours depuis le ")
