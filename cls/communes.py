"""Load communes from a CSV extracted from the official geographic code (see cls/data/)."""

import csv
from pathlib import Path

from django.db import transaction

from .models import Commune

DATA_DIR = Path(__file__).resolve().parent / "data"
COLUMNS = ["insee_code", "name", "postcodes", "population", "epci_siren", "epci_name"]


@transaction.atomic
def import_communes(csv_path):
    """Create or update the communes of a CSV file; return them in file order."""
    with open(csv_path, encoding="utf-8", newline="") as csv_file:
        rows = list(csv.DictReader(csv_file))
    communes = []
    for row in rows:
        defaults = {column: row[column] for column in COLUMNS[1:]}
        defaults["population"] = int(row["population"]) if row["population"] else None
        commune, _ = Commune.objects.update_or_create(
            insee_code=row["insee_code"], defaults=defaults
        )
        communes.append(commune)
    return communes
