"""Background delivery of contact messages (django-tasks; production runs them in the
database-backed worker, `manage.py run_task_worker`)."""

from django_tasks import task

from . import delivery


# Before text extraction and index updates: a visitor is waiting for an answer.
@task(priority=10)
def deliver_contact_message(submission_id):
    """Send a stored message; when the mail server refused it or was unreachable, try
    again at the time the message records, if the task backend can defer.

    With a backend that cannot defer (the immediate one), the retries are the
    `resend_contact_messages` command, run by cron.
    """
    submission = delivery.deliver(submission_id)
    if submission is None or submission.retry_at is None:
        return
    if deliver_contact_message.get_backend().supports_defer:
        deliver_contact_message.using(run_after=submission.retry_at).enqueue(submission_id)
