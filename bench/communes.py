""""Ma commune" with the size of France: import and search times for 35,000 communes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.communes \\
        [--communes 35000] [--rounds 20]

Writes a synthetic CSV (accented, hyphenated names, shared postcodes), imports it with
cls.communes.load_communes (validation + bulk writes), then times find_communes for a
few kinds of query and prints the median and 95th percentile in milliseconds. Everything
runs in one transaction rolled back at the end: the database is left as it was.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from django.db import transaction

from cls.commune_finder import find_communes
from cls.communes import load_communes
from cls.models import ContractPage

FIRST = ["Saint", "Sainte", "Le", "La", "Les", "Villeneuve", "Mont", "Château", "Val"]
ROOTS = ["Étienne", "Andéol", "Hilaire", "Colombe", "Œuf", "Sorgue", "Bélengard", "Espéraza"]
LAST = ["", "-sur-Mer", "-les-Bains", "-en-Val", "-de-l'Hers", "-d'Aude", "-la-Forêt"]
QUERIES = [
    ("nom exact sans accent", "villeneuve esperaza sur mer"),
    ("abréviation St", "st etienne les bains"),
    ("début de nom", "chateau"),
    ("mot dans le nom", "sorgue"),
    ("code postal", "61005"),
    ("aucun résultat", "zyxwvutsrq"),
]


def synthetic_csv(count, folder):
    names = (f"{first}-{root}{last}" for first, root, last in itertools.product(FIRST, ROOTS, LAST))
    path = Path(folder) / "communes.csv"
    with open(path, "w", encoding="utf-8") as csv_file:
        csv_file.write("insee_code,name,postcodes,population,epci_siren,epci_name\n")
        for number, name in zip(range(count), itertools.cycle(names), strict=False):
            code = f"{60 + number // 1000:02d}{number % 1000:03d}"
            suffix = f" {number // len(FIRST) // len(ROOTS) // len(LAST)}" if number > 503 else ""
            postcode = f"{60 + number // 1000:02d}{number % 200:03d}"
            csv_file.write(f'{code},"{name}{suffix}",{postcode},{number % 5000},,\n')
    return path


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=35000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        path = synthetic_csv(options.communes, folder)
        started = time.perf_counter()
        result = load_communes(path)
        print(
            f"import of {len(result.communes)} communes: "
            f"{time.perf_counter() - started:.1f} s ({result.created} created)"
        )
        contracts = ContractPage.objects.live()
        for label, query in QUERIES:
            timings, found = [], 0
            for _round in range(options.rounds):
                started = time.perf_counter()
                matches = find_communes(query, contracts)
                timings.append((time.perf_counter() - started) * 1000)
                found = len(matches.exact) + len(matches.suggestions)
            print(
                f"{label:<24} median {statistics.median(timings):6.1f} ms   "
                f"p95 {percentile(timings, 0.95):6.1f} ms   {found} communes"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
