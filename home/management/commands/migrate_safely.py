"""`migrate` behind a lock, so that servers starting together never migrate at once.

PostgreSQL: a session advisory lock, shared by every server using the database.
SQLite (one machine): an exclusive file lock beside the database file.
The first server migrates; the others wait, then find nothing left to apply.
"""

import fcntl
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils.translation import gettext as _

# Any constant shared by every server: "CLS" "MIG" in ASCII.
ADVISORY_LOCK_KEY = 0x434C53_4D4947


@contextmanager
def postgresql_lock(announce_wait):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        if not cursor.fetchone()[0]:
            announce_wait()
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])


@contextmanager
def file_lock(path, announce_wait):
    with open(path, "a") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            announce_wait()
            fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def migration_lock(announce_wait):
    if connection.vendor == "postgresql":
        return postgresql_lock(announce_wait)
    database_file = str(connection.settings_dict["NAME"])
    return file_lock(f"{database_file}.migrate-lock", announce_wait)


class Command(BaseCommand):
    help = (
        "Applique les migrations sous un verrou partagé par tous les serveurs : lancée par "
        "plusieurs serveurs en même temps, un seul migre, les autres attendent."
    )

    def handle(self, *args, **options):
        def announce_wait():
            self.stdout.write(_("Migrations en cours sur un autre serveur : attente du verrou…"))
            self.stdout.flush()

        with migration_lock(announce_wait):
            call_command(
                "migrate", interactive=False, verbosity=options["verbosity"], stdout=self.stdout
            )
