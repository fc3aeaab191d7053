"""Servers started together run `migrate_safely` at once: one migrates, the others wait.

Each run is a separate process on a new empty database (a file on SQLite, a database
on the tests' PostgreSQL server), as when several servers start after a release.
"""

import fcntl
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from home.management.commands.migrate_safely import ADVISORY_LOCK_KEY

from .production_servers import empty_postgres_database

ROOT = Path(__file__).resolve().parent.parent
WAITING = "Migrations en cours sur un autre serveur"

pytestmark = pytest.mark.django_db  # the PostgreSQL variant needs the server's address


@pytest.fixture
def empty_database(tmp_path):
    """(DATABASE_URL of a new empty database, a context manager holding its migration lock)."""
    if connection.vendor != "postgresql":
        database_file = tmp_path / "release.sqlite3"
        yield f"sqlite:///{database_file}", lambda: file_locked(f"{database_file}.migrate-lock")
        return
    with empty_postgres_database(connection.settings_dict["NAME"] + "_release") as url:
        yield url, lambda: advisory_locked(url)


@contextmanager
def file_locked(path):
    with open(path, "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        yield


@contextmanager
def advisory_locked(url):
    with psycopg.connect(url, autocommit=True) as session:
        session.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        yield


def start_server_release(database_url):
    return subprocess.Popen(  # noqa: S603 (the project's own command)
        [sys.executable, "manage.py", "migrate_safely"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def applied_migrations(database_url):
    if database_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as database:
            return database.execute("SELECT app, name FROM django_migrations").fetchall()
    with psycopg.connect(database_url) as database:
        return database.execute("SELECT app, name FROM django_migrations").fetchall()


def test_two_servers_migrating_at_once_both_succeed(empty_database):
    database_url, lock_held_by_a_third_server = empty_database
    with lock_held_by_a_third_server():
        releases = [start_server_release(database_url), start_server_release(database_url)]
        # Both find the lock taken and wait.
        for release in releases:
            assert WAITING in release.stdout.readline()
    # Released: the two now race for the lock.
    outputs = [release.communicate(timeout=600)[0] for release in releases]
    assert [release.returncode for release in releases] == [0, 0], outputs
    assert sum("Applying wagtailcore." in output for output in outputs) == 1
    assert sum("No migrations to apply" in output for output in outputs) == 1
    migrations = applied_migrations(database_url)
    assert len(migrations) == len(set(migrations)) > 100
