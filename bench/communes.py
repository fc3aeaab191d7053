""""Ma commune" with the size of France: load and search times for the 34,969 communes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.communes \\
        [--rounds 20]

On a migrated database (the migration loaded the communes), in one transaction rolled
back at the end (the database is left as it was): times find_communes for a few kinds of
query (median and 95th percentile in milliseconds), then empties the commune table and
loads the national list as the migration does (cls.communes_france.load_national_communes),
and loads it again (nothing changed).
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import statistics
import time

from django.db import transaction

from cls.commune_finder import find_communes
from cls.communes_france import load_national_communes
from cls.models import Commune, ContractPage

QUERIES = [
    ("nom exact sans accent", "esperaza"),
    ("homonymes (8)", "saint hilaire"),
    ("abréviation St", "st etienne de tinee"),
    ("début de nom", "chateau"),
    ("mot dans le nom", "colombe"),
    ("code postal", "11500"),
    ("aucun résultat", "zyxwvutsrq"),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()
    with transaction.atomic():
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
        Commune.objects.all().delete()
        result = timed("load into an empty table", load_national_communes)
        print(f"  {result.created} communes created")
        result = timed("load again, nothing changed", load_national_communes)
        print(f"  {result.created} created, {result.updated} updated")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
