"""The production task worker: contact e-mails and text extraction run in it, never in a
web request, and a message is e-mailed once even when the database connection is lost
while the mail server holds it.

Runs on PostgreSQL only: gunicorn and `manage.py run_task_worker` are separate processes
with the production settings, sharing the test database; a real SMTP server on loopback.
"""

import time
from urllib.parse import urlencode

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from bench.contact_messages import CONTACT_PATH, MIN_FILL_SECONDS, filled_contact_form
from cls.documents.extraction import ExtractionStatus
from cls.models import SiteDocument
from contacts.models import ContactPage, ContactSubmission, DeliveryState
from contacts.tasks import deliver_contact_message
from home.demo.pdf import make_pdf

from .production_servers import (
    Browser,
    Server,
    TaskWorker,
    collect_static,
    database_url,
    postgres_only,
    production_environment,
    shared_test_files,
)
from .smtp_server import smtp_server

# What the other processes must see is committed by module fixtures, before each test's
# transaction begins, and removed at the end.
pytestmark = postgres_only("the processes share the test database")

MARKER = "worker-test"
DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def wait_for(condition, processes, timeout=30):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            logs = "\n".join(process.log_tail() for process in processes)
            raise TimeoutError(f"still waiting after {timeout} s; logs:\n{logs}")
        time.sleep(0.1)
    return result


@pytest.fixture(scope="module")
def mail_server():
    with smtp_server() as mailbox:
        yield mailbox


@pytest.fixture
def mailbox(mail_server):
    """The module's SMTP server; answering at once after the test."""
    yield mail_server
    mail_server.release.set()


@pytest.fixture(scope="module")
def processes(django_db_setup, django_db_blocker, mail_server, tmp_path_factory):
    """gunicorn and the task worker, as the Procfile starts them; their rows removed after."""
    with django_db_blocker.unblock():
        environment = production_environment(
            database_url(connection.settings_dict["NAME"]), tmp_path_factory.mktemp("static")
        )
    environment.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_server.port),
        EMAIL_TIMEOUT="2",
        **shared_test_files(),  # the files the tests save, where the worker reads them
    )
    collect_static(environment)
    web, worker = Server(environment), TaskWorker(environment)
    try:
        web.wait_until_healthy()
        yield web, worker
        assert worker.process.poll() is None, worker.log_tail()
    finally:
        web.stop()
        worker.stop()
        with django_db_blocker.unblock():
            ContactSubmission.objects.filter(form_data__icontains=MARKER).delete()
            SiteDocument.objects.filter(title__startswith=MARKER).delete()
            DBTaskResult.objects.all().delete()


def committed(function):
    """Run `function` in its own connection's autocommit, as another process would see it."""
    with psycopg.connect(database_url(connection.settings_dict["NAME"]), autocommit=True) as db:
        return function(db)


def delivery_state(submission_id):
    return committed(
        lambda db: db.execute(
            "SELECT delivery_state, message_id FROM contacts_contactsubmission WHERE id = %s",
            [submission_id],
        ).fetchone()
    )


def test_a_visitor_is_answered_while_the_mail_server_holds_the_message(processes, mailbox):
    web, _worker = processes
    mailbox.release.clear()  # the mail server takes messages but does not answer yet
    browser = Browser(web, "localhost")
    form = filled_contact_form(browser.get(CONTACT_PATH).text, MARKER)
    time.sleep(MIN_FILL_SECONDS + 0.5)

    response = browser.request(CONTACT_PATH, urlencode(form))

    assert response.status == 200 and 'role="status"' in response.text  # thanked at once
    submission_id = committed(
        lambda db: db.execute(
            "SELECT id FROM contacts_contactsubmission WHERE form_data::text LIKE %s",
            [f"%{MARKER}%"],
        ).fetchone()[0]
    )
    assert mailbox.received.wait(30)  # the worker hands it over
    assert delivery_state(submission_id)[0] == DeliveryState.SENDING
    mailbox.release.set()
    state, message_id = wait_for(
        lambda: (found := delivery_state(submission_id))[0] == DeliveryState.SENT and found,
        processes,
    )
    assert mailbox.message_ids() == [message_id]
    assert mailbox.messages[0]["To"] == "elise.roussel@example.org"


@pytest.fixture(scope="module")
def uploaded_pdf(processes, django_db_blocker):
    """A PDF saved as the admin saves an upload, committed: its extraction is queued."""
    with django_db_blocker.unblock(), DATABASE_QUEUE:
        document = SiteDocument(title=f"{MARKER} diagnostic")
        document.file.save(
            "diagnostic.pdf", ContentFile(make_pdf("Diagnostic", ["Offre de soins"])), save=False
        )
        document._set_document_file_metadata()  # as the admin's upload views do
        document.save()
    return document


def test_the_worker_reads_the_text_of_an_uploaded_pdf(uploaded_pdf, processes):
    assert uploaded_pdf.extraction_status == ExtractionStatus.PENDING  # not read on saving

    status, text = wait_for(
        lambda: committed(
            lambda db: db.execute(
                "SELECT extraction_status, extracted_text FROM cls_sitedocument "
                "WHERE id = %s AND extraction_status <> 'pending'",
                [uploaded_pdf.pk],
            ).fetchone()
        ),
        processes,
    )

    assert status == ExtractionStatus.DONE
    assert "Offre de soins" in text


@pytest.fixture(scope="module")
def message_held_by_the_mail_server(processes, mail_server, django_db_blocker):
    """A stored message that the worker is sending: the mail server holds its answer."""
    mail_server.messages.clear()
    mail_server.received.clear()
    mail_server.release.clear()
    with django_db_blocker.unblock(), DATABASE_QUEUE:
        page = ContactPage.objects.get(slug="contact", url_path__startswith="/localhost/")
        submission = ContactSubmission.objects.create(page=page, form_data={"m": MARKER})
        deliver_contact_message.enqueue(submission.pk)
    assert mail_server.received.wait(30)
    return submission


def test_a_message_is_emailed_once_when_the_database_connection_is_lost_during_sending(
    message_held_by_the_mail_server, mailbox, processes
):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        test_connection = cursor.fetchone()[0]

    # The servers' connections to the database are cut, as by a PostgreSQL restart.
    cut = committed(
        lambda db: db.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), %s)",
            [test_connection],
        ).fetchone()[0]
    )
    assert cut >= 1
    mailbox.release.set()

    state, message_id = wait_for(
        lambda: (
            (found := delivery_state(message_held_by_the_mail_server.pk))[0] == DeliveryState.SENT
            and found
        ),
        processes,
    )
    time.sleep(1)  # time enough for a second sending, if any
    assert mailbox.message_ids() == [message_id]
