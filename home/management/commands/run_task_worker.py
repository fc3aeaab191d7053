"""The production task worker (Procfile "worker"): django-tasks-db's `db_worker`, kept
running across database restarts.

`db_worker` exits on the first database error (a PostgreSQL restart, a failover), and
`make serve-prod` would then stop the web server with it. This command starts the worker
loop again after a pause instead. A task cut short that way stays "running" in the queue
and is not run twice: contact messages keep their own delivery state (contacts/delivery.py)
and `resend_contact_messages` (cron) catches up on those whose task was lost.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 2


class Command(DatabaseWorkerCommand):
    help = (
        "Runs the queued tasks (contact e-mails, text extraction, search index) as "
        "db_worker does, and keeps running when the database restarts."
    )

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                logger.warning(
                    "Database unavailable, task worker resumes in %ss: %s", PAUSE_SECONDS, error
                )
                connections.close_all()
                time.sleep(PAUSE_SECONDS)
