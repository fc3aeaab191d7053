"""Background delivery of contact messages (Wagtail's task framework, django-tasks)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import delivery


@task()
def deliver_contact_message(submission_id):
    """Send a stored message; on failure, retry later when the task backend can defer.

    With a backend that cannot defer (the immediate one), the retries are the
    `resend_contact_messages` command, run by cron.
    """
    if delivery.deliver(submission_id):
        return
    _schedule_retry(submission_id)


def _schedule_retry(submission_id):
    from .models import ContactSubmission  # the models import this module's task

    attempts = (
        ContactSubmission.objects.filter(pk=submission_id)
        .values_list("delivery_attempts", flat=True)
        .first()
    )
    backend = deliver_contact_message.get_backend()
    if not backend.supports_defer or attempts >= settings.CONTACT_DELIVERY_MAX_ATTEMPTS:
        return
    delay = timedelta(minutes=settings.CONTACT_DELIVERY_RETRY_MINUTES * 2 ** (attempts - 1))
    deliver_contact_message.using(run_after=timezone.now() + delay).enqueue(submission_id)
