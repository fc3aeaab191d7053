"""Search latency on the synthetic corpus (bench/corpus.py), through the real search view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.search \\
        [--rounds 20] [--sites 60]

Each round sends every query of QUERIES to /recherche/ with Django's test client (view,
scoping, ranking, excerpts and template), on one bench site per round in turn, and
prints per query and overall the median and 95th percentile latency, the result count
announced on the page and the number of SQL queries. A first round warms up, unmeasured.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import re
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from bench.corpus import bench_hostname

# (label, query string): missing accents, plurals, several words, rare and common words.
QUERIES = [
    ("mot courant", {"q": "diabète"}),
    ("sans accent", {"q": "diabete"}),
    ("deux mots", {"q": "Semaine bleue"}),
    ("expression", {"q": "santé mentale"}),
    ("sans accents, 4 mots", {"q": "ameliorer acces aux soins"}),
    ("pluriel", {"q": "vaccination enfants"}),
    ("pluriels", {"q": "dépistages cancers"}),
    ("très courant", {"q": "santé"}),
    ("très courant, 2e page", {"q": "santé", "page": "2"}),
    ("documents seulement", {"q": "emargement"}),
    ("documents seulement 2", {"q": "quorum"}),
    ("mot rare", {"q": "leptospirose"}),
    ("type action", {"q": "moustique tigre", "type": "action"}),
    ("type document", {"q": "comité de pilotage", "type": "document"}),
    ("aucun résultat", {"q": "zyxwvutsrq"}),
]
COUNT = re.compile(r'class="result-count">\s*(\d+) résultat')


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, params):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get("/recherche/", params)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"/recherche/ {params} answered {response.status_code}")
    found = COUNT.search(response.content.decode())
    return elapsed, int(found.group(1)) if found else 0, len(queries)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sites", type=int, default=60, help="bench sites to rotate over")
    options = parser.parse_args()
    hosts = [bench_hostname(n) for n in range(1, options.sites + 1)]
    hosts = [host for host in hosts if Site.objects.filter(hostname=host).exists()]
    if not hosts:
        raise SystemExit("No bench site: run `python -m bench.corpus` first.")
    clients = [Client(HTTP_HOST=host) for host in hosts]
    for params in dict(QUERIES).values():
        measure(clients[0], params)  # warm-up
    latencies = {label: [] for label, _params in QUERIES}
    counts, query_counts = {}, {}
    for round_number in range(options.rounds):
        client = clients[round_number % len(clients)]
        for label, params in QUERIES:
            elapsed, counts[label], query_counts[label] = measure(client, params)
            latencies[label].append(elapsed)
    print(f"{len(hosts)} sites, {options.rounds} rounds, one site per round")
    print(f"{'query':<24} {'params':<42} {'median':>7} {'p95':>7} {'results':>7} {'SQL':>4}")
    for label, params in QUERIES:
        values = latencies[label]
        print(
            f"{label:<24} {str(params):<42} {statistics.median(values):7.1f} "
            f"{percentile(values, 0.95):7.1f} {counts[label]:7d} {query_counts[label]:4d}"
        )
    every = [value for values in latencies.values() for value in values]
    print(
        f"{'all':<24} {'':<42} {statistics.median(every):7.1f} "
        f"{percentile(every, 0.95):7.1f}   (ms; {len(every)} requests)"
    )


if __name__ == "__main__":
    main()
