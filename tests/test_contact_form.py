"""A visitor writes to the health mission officer: no message is ever lost, robots are kept out."""

import io
import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db.models.functions import Coalesce
from django.test import Client, override_settings
from django.utils import timezone

from contacts.antispam import sign_start_time
from contacts.models import ContactPage, ContactSubmission, DeliveryState
from contacts.tasks import deliver_contact_message

from .conftest import CONSENT_FIELD
from .production_servers import free_port

pytestmark = pytest.mark.django_db

OFFICER_EMAIL = "elise.roussel@example.org"
CONFIRMATION = "Merci, votre message a bien été reçu."
MESSAGE = "Bonjour, où trouver le diagnostic santé de Quillan ?"


# Django's SMTP backend towards a loopback port where no server listens.
FAILING_EMAIL = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=free_port(),
    EMAIL_TIMEOUT=1,
)


def overdue(*submissions):
    """Pretend the automatic attempts of these messages were due long ago (their tasks lost)."""
    long_ago = timezone.now() - timedelta(minutes=settings.CONTACT_DELIVERY_OVERDUE_MINUTES + 1)
    ContactSubmission.objects.filter(pk__in=[s.pk for s in submissions]).update(
        submit_time=long_ago, retry_at=Coalesce("retry_at", long_ago) - timedelta(hours=1)
    )


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(aude_site):
    return ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")


def message(**changes):
    """What a person types, in a form opened a minute ago."""
    return {
        "votre_nom": "Camille Martin",
        "votre_adresse_electronique": "camille.martin@example.net",
        "objet": "Documents",
        "votre_message": MESSAGE,
        CONSENT_FIELD: "on",
        "form_started": sign_start_time(time.time() - 60),
        **changes,
    }


def post(client, page, data, **extra):
    response = client.post(page.url, data, **extra)
    assert response.status_code == 200  # never a server error, never a bare refusal
    return response.content.decode()


def test_a_valid_message_is_stored_before_the_email_is_sent_to_the_officer(
    aude_client, contact_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        html = post(aude_client, contact_page, message())
        assert CONFIRMATION in html
        submission = ContactSubmission.objects.get(page=contact_page)
        assert submission.delivery_state == DeliveryState.PENDING
        assert mail.outbox == []  # nothing sent inside the request's transaction

    assert len(callbacks) == 1
    callbacks[0]()  # the transaction committed: the task runs

    submission.refresh_from_db()
    assert submission.form_data == {
        "votre_nom": "Camille Martin",
        "votre_adresse_electronique": "camille.martin@example.net",
        "objet": "Documents",
        "votre_message": MESSAGE,
        CONSENT_FIELD: True,
    }
    assert submission.delivery_state == DeliveryState.SENT
    assert submission.delivery_attempts == 1
    assert submission.sent_at is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.message()["Message-ID"] == submission.message_id
    assert email.to == [OFFICER_EMAIL]
    assert email.reply_to == ["camille.martin@example.net"]
    assert "Contacter la mission santé" in email.subject
    assert f"Votre message :\n{MESSAGE}" in email.body
    assert "Objet :\nDocuments" in email.body


def test_a_message_survives_a_mail_server_outage_and_is_resent_later(
    aude_client, contact_page, django_capture_on_commit_callbacks
):
    with FAILING_EMAIL, django_capture_on_commit_callbacks(execute=True):
        html = post(aude_client, contact_page, message())

    assert CONFIRMATION in html
    submission = ContactSubmission.objects.get(page=contact_page)
    assert submission.delivery_state == DeliveryState.FAILED
    assert submission.delivery_attempts == 1
    assert "ConnectionRefusedError" in submission.last_delivery_error
    assert mail.outbox == []
    # Its next attempt is the task's, in 5 minutes: the catch-up command leaves it.
    call_command("resend_contact_messages", stdout=io.StringIO())
    assert mail.outbox == []

    overdue(submission)  # that task never ran
    call_command("resend_contact_messages", stdout=(output := io.StringIO()))

    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert submission.delivery_attempts == 2
    assert submission.last_delivery_error == ""
    assert [email.to for email in mail.outbox] == [[OFFICER_EMAIL]]
    assert output.getvalue().startswith("1 message(s) sent, 0 failed")


def test_a_message_is_kept_when_the_task_queue_is_unreachable(
    aude_client, contact_page, django_capture_on_commit_callbacks, monkeypatch
):
    class UnreachableQueue:
        def enqueue(self, *args):
            raise ConnectionError("file de tâches injoignable")

    monkeypatch.setattr("contacts.models.page.deliver_contact_message", UnreachableQueue())
    with django_capture_on_commit_callbacks(execute=True):
        html = post(aude_client, contact_page, message())

    assert CONFIRMATION in html
    submission = ContactSubmission.objects.get(page=contact_page)
    assert submission.delivery_state == DeliveryState.PENDING
    monkeypatch.undo()
    overdue(submission)
    call_command("resend_contact_messages", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.delivery_state == DeliveryState.SENT
    assert len(mail.outbox) == 1


def test_the_resend_command_sends_each_message_once_and_gives_up_after_the_maximum(
    contact_page,
):
    sent = ContactSubmission.objects.create(
        page=contact_page, form_data={"votre_message": "déjà envoyé"}
    )
    sent.record_delivery()
    exhausted = ContactSubmission.objects.create(
        page=contact_page,
        form_data={"votre_message": "abandonné"},
        delivery_state=DeliveryState.FAILED,
        delivery_attempts=5,
    )
    pending = ContactSubmission.objects.create(
        page=contact_page, form_data={"votre_message": "en attente"}
    )
    overdue(sent, exhausted, pending)

    call_command("resend_contact_messages", stdout=io.StringIO())

    assert len(mail.outbox) == 1 and "en attente" in mail.outbox[0].body
    pending.refresh_from_db()
    exhausted.refresh_from_db()
    assert pending.delivery_state == DeliveryState.SENT
    assert exhausted.delivery_state == DeliveryState.FAILED

    call_command("resend_contact_messages", "--all", stdout=io.StringIO())
    assert [email.body.count("abandonné") for email in mail.outbox[1:]] == [1]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_with_a_task_queue_a_failed_delivery_is_retried_later(contact_page):
    submission = ContactSubmission.objects.create(page=contact_page, form_data={})

    with FAILING_EMAIL:
        deliver_contact_message.call(submission.pk)

    queued = deliver_contact_message.get_backend().results
    assert [result.args for result in queued] == [[submission.pk]]
    retry_at = queued[0].task.run_after
    assert timedelta(minutes=4) < retry_at - timezone.now() <= timedelta(minutes=5)


def test_a_robot_filling_the_hidden_field_is_refused_in_french(aude_client, contact_page):
    html = post(aude_client, contact_page, message(homepage="http://spam.example"))

    assert "il ressemble à un envoi automatique" in html
    assert MESSAGE in html  # what the visitor typed is kept
    assert "spam.example" not in html
    assert not ContactSubmission.objects.exists()
    assert mail.outbox == []


def test_a_message_sent_right_after_the_page_opened_is_refused(aude_client, contact_page):
    html = post(aude_client, contact_page, message(form_started=sign_start_time()))

    assert "très vite après l’ouverture de la page" in html
    assert MESSAGE in html
    assert not ContactSubmission.objects.exists()


def test_a_forged_timestamp_is_refused_and_replaced(aude_client, contact_page):
    html = post(aude_client, contact_page, message(form_started="1700000000"))

    assert "incomplet ou trop ancien" in html
    assert 'value="1700000000"' not in html
    assert not ContactSubmission.objects.exists()


@override_settings(CONTACT_RATE_LIMIT=2)
def test_a_flood_from_one_address_is_stopped_by_the_rate_limit(aude_client, contact_page):
    for _ in range(2):
        assert CONFIRMATION in post(aude_client, contact_page, message())

    html = post(aude_client, contact_page, message())

    assert "Trop de messages ont été envoyés depuis votre connexion" in html
    assert MESSAGE in html
    assert ContactSubmission.objects.count() == 2
    other_visitor = post(aude_client, contact_page, message(), REMOTE_ADDR="192.0.2.8")
    assert CONFIRMATION in other_visitor


@pytest.mark.parametrize(("field", "limit"), [("votre_message", 5000), ("votre_nom", 255)])
def test_over_long_fields_are_refused(aude_client, contact_page, field, limit):
    html = post(aude_client, contact_page, message(**{field: "a" * (limit + 1)}))

    assert f"comporte au plus {limit} caractères (actuellement {limit + 1})" in html
    assert CONFIRMATION not in html
    assert not ContactSubmission.objects.exists()


def test_a_post_without_csrf_token_is_refused_with_a_french_explanation(contact_page):
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    response = client.post(contact_page.url, message())

    assert response.status_code == 403
    assert "Votre envoi n’a pas pu être vérifié" in response.content.decode()
    assert not ContactSubmission.objects.exists()


@override_settings(CONTACT_MIN_FILL_SECONDS=0)
def test_a_visitor_fills_the_form_as_served_with_csrf_checks(
    contact_page, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    html = client.get(contact_page.url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    assert set(hidden) == {"csrfmiddlewaretoken", "form_started"}

    with django_capture_on_commit_callbacks(execute=True):
        html = post(client, contact_page, message(**hidden))

    assert CONFIRMATION in html
    assert [email.to for email in mail.outbox] == [[OFFICER_EMAIL]]


def test_the_form_tells_who_processes_the_data_why_and_for_how_long(aude_client, contact_page):
    contact_page.data_protection_notice = ""  # the default notice, from the site settings
    contact_page.save()

    html = aude_client.get(contact_page.url).content.decode()

    notice = html[html.index("Vos données personnelles") :]
    assert "traitées par Communauté de Communes des Pyrénées Audoises" in notice
    assert "dans le seul but de répondre à votre message" in notice
    assert "conservées 12 mois" in notice
    assert "réclamation à la CNIL" in notice


@override_settings(CONTACT_RETENTION_DAYS=200)
def test_the_purge_removes_only_messages_older_than_the_retention(contact_page):
    ages = {"ancien": 400, "limite": 201, "récent": 199, "nouveau": 0}
    for label, days in ages.items():
        submission = ContactSubmission.objects.create(page=contact_page, form_data={"m": label})
        ContactSubmission.objects.filter(pk=submission.pk).update(
            submit_time=timezone.now() - timedelta(days=days)
        )

    call_command("purge_contact_messages", stdout=(output := io.StringIO()))

    remaining = [submission.form_data["m"] for submission in ContactSubmission.objects.all()]
    assert sorted(remaining) == ["nouveau", "récent"]
    assert "2 message(s) older than 200 days deleted" in output.getvalue()


def test_a_refused_message_is_shown_back_exactly_as_typed(aude_client, contact_page):
    typed = "Bonjour,\n\n    1. le diagnostic\n    2. les comptes-rendus\n\nMerci"
    html = post(aude_client, contact_page, message(votre_message=typed, votre_nom=""))
    # The page's whitespace is trimmed (home/html_whitespace.py), never the visitor's text.
    assert f">\n{typed}</textarea>" in html or f">{typed}</textarea>" in html
