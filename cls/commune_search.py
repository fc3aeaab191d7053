"""Communes found by what an editor or a visitor types: a name, an INSEE code, a postcode.

Through the stored search_name key (cls/commune_names.py) and plain prefix lookups, not
Wagtail's search index: the same results on SQLite and PostgreSQL, accents ignored, and
the 35,000 communes loaded in bulk need no indexing.
"""

import re

from django.db.models import Case, Q, Value, When

from .commune_names import search_key

# The start of an INSEE code or a postcode: "11", "115", "11500", "2A0".
CODE_START = re.compile(r"^(?:\d{2,5}|2[AB]\d{0,3})$")


def name_starts_with(key):
    """Names with a word starting with the key: "hilaire" finds Saint-Hilaire."""
    return Q(search_name__startswith=key) | Q(search_name__contains=f" {key}")


def search_communes(communes, query, by_relevance=True):
    """The communes whose name has a word starting with the text typed (accents, case and
    hyphens ignored), or whose INSEE code or one of whose postcodes starts with it.

    By relevance: the name or code typed exactly first (the 8 Saint-Hilaire before the
    Saint-Hilaire-du-Bois), then the names starting with it, then by name."""
    code = query.replace(" ", "").upper()
    key = search_key(query)
    conditions, exact = Q(), Q(pk__in=[])
    if CODE_START.match(code):
        conditions = (
            Q(insee_code__startswith=code)
            | Q(postcodes__startswith=code)
            | Q(postcodes__contains=f" {code}")
        )
        exact = Q(insee_code=code) | Q(postcodes=code)
    if key:
        conditions |= name_starts_with(key)
        exact |= Q(search_name=key)
    if not conditions:
        return communes.none()
    communes = communes.filter(conditions)
    if by_relevance:
        rank = Case(
            When(exact, then=Value(0)), When(search_name__startswith=key, then=Value(1)), default=2
        )
        communes = communes.annotate(rank=rank).order_by("rank", "name", "insee_code")
    return communes
