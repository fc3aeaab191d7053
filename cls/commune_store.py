"""Communes written in bulk: a file's, or the 35,000 of France (cls/communes_france.py)."""

from dataclasses import dataclass, field

from django.db import connection

from home.invalidation import invalidate_everything

from .commune_names import search_key
from .models import Commune

# What a file that lacks a column (the INSEE format has no population) gives a new commune.
DEFAULTS = {"postcodes": "", "population": None, "epci_siren": "", "epci_name": ""}


@dataclass
class ImportResult:
    codes: list = field(default_factory=list)  # INSEE codes, in file order
    created: int = 0
    updated: int = 0


def save_communes(rows, model=Commune):
    """Create the new communes and update the changed ones; `model` is Commune, or its
    historical version in a migration. Columns a file lacks (the INSEE format has no
    population) are left as they are.

    Plain `executemany` of tuples: for the 35,000 communes of France, Django's bulk_create
    spent four of its five seconds building model instances and SQL."""
    result = ImportResult(codes=[row["insee_code"] for row in rows])
    if not rows:
        return result
    fields = [*rows[0], "search_name"]
    values = [(*row.values(), search_key(row["name"])) for row in rows]
    stored = stored_values(model, result.codes, fields)
    new = [row for row in values if row[0] not in stored]
    changed = [row for row in values if row[0] in stored and stored[row[0]] != row]
    if new:
        missing = {name: value for name, value in DEFAULTS.items() if name not in fields}
        insert(model, [*fields, *missing], [(*row, *missing.values()) for row in new])
    if changed:
        update(model, fields, changed)
    if new or changed:
        invalidate_everything()  # raw writes send no post_save signal to the caches
    result.created, result.updated = len(new), len(changed)
    return result


def stored_values(model, codes, fields):
    """The stored values of these communes, by INSEE code."""
    rows = model.objects.order_by().values_list(*fields)
    return {row[0]: row for chunk in chunks(codes) for row in rows.filter(insee_code__in=chunk)}


def communes_with_codes(codes):
    return [
        commune
        for chunk in chunks(codes)
        for commune in Commune.objects.filter(insee_code__in=chunk)
    ]


def chunks(codes, size=900):
    """SQLite accepts 999 parameters a query."""
    for start in range(0, len(codes), size):
        yield codes[start : start + size]


def quoted_columns(model, fields):
    return ", ".join(connection.ops.quote_name(model._meta.get_field(f).column) for f in fields)


def insert(model, fields, rows):
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({quoted_columns(model, fields)}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )


def update(model, fields, rows):
    """`fields` starts with insee_code, the key of the UPDATE."""
    assignments = ", ".join(f"{quoted_columns(model, [name])} = %s" for name in fields[1:])
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {assignments} WHERE {quoted_columns(model, fields[:1])} = %s",  # noqa: S608
            [(*row[1:], row[0]) for row in rows],
        )
