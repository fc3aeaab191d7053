"""Run-time companion of the PostgreSQL settings (config/settings/base.py)."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def unprepared_statements():
    """Run the enclosed queries without prepared statements.

    After a few runs of a prepared statement, PostgreSQL may keep a generic plan, made
    without the values it runs with. For full-text search, whose best plan depends on
    the words searched, that plan made bench/search.py half as slow again.
    """
    connection.ensure_connection()
    driver_connection = connection.connection
    threshold = getattr(driver_connection, "prepare_threshold", None)
    if threshold is None:  # SQLite, or statements are not prepared
        yield
        return
    driver_connection.prepare_threshold = None
    try:
        yield
    finally:
        driver_connection.prepare_threshold = threshold
