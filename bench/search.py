"""Search latency on the synthetic corpus (bench/corpus.py), through the real search view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.search \\
        [--rounds 20] [--sites 60]

Each round sends every query of QUERIES to /recherche/ with Django's test client (view,
scoping, ranking, excerpts and template), on one bench site per round in turn, and
prints per query and overall the median and 95th percentile latency, the median CPU time
of this process (what other loads on the machine change least), the result count
announced on the page and the number of SQL queries. Each site is warmed by one
unmeasured search first: its menus and list of documents are cached per content
version (home/page_cache.py), as they are on a site that has visitors.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import os
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
    # The page without a search: its cost (header, menus, footer, filters) is in every row.
    ("sans recherche", {"q": ""}),
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
    """Wall time and this process's CPU time (less sensitive to other loads) in ms."""
    with CaptureQueriesContext(connection) as queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get("/recherche/", params)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - cpu_started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"/recherche/ {params} answered {response.status_code}")
    found = COUNT.search(response.content.decode())
    return elapsed, cpu, int(found.group(1)) if found else 0, len(queries)


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
    latencies = {label: [] for label, _params in QUERIES}
    cpu_times = {label: [] for label, _params in QUERIES}
    counts, query_counts = {}, {}
    load_before = os.getloadavg()[0]
    for round_number in range(options.rounds):
        client = clients[round_number % len(clients)]
        measure(client, {"q": "santé"})  # warms the site's caches, as visitors keep them warm
        for label, params in QUERIES:
            elapsed, cpu, counts[label], query_counts[label] = measure(client, params)
            latencies[label].append(elapsed)
            cpu_times[label].append(cpu)
    print(
        f"{len(hosts)} sites, {options.rounds} rounds (one site each), load average "
        f"{load_before:.1f} → {os.getloadavg()[0]:.1f}; times in ms, results on the last site"
    )
    print(
        f"{'query':<22} {'median':>7} {'p95':>7} {'CPU med':>8} {'results':>7} {'SQL':>4}  params"
    )
    for label, params in QUERIES:
        values = latencies[label]
        print(
            f"{label:<22} {statistics.median(values):7.1f} {percentile(values, 0.95):7.1f} "
            f"{statistics.median(cpu_times[label]):8.1f} {counts[label]:7d} "
            f"{query_counts[label]:4d}  {params}"
        )
    searches = [label for label, params in QUERIES if params["q"]]
    every = [value for label in searches for value in latencies[label]]
    every_cpu = [value for label in searches for value in cpu_times[label]]
    print(
        f"{'all searches':<22} {statistics.median(every):7.1f} {percentile(every, 0.95):7.1f} "
        f"{statistics.median(every_cpu):8.1f}  ({len(every)} requests; CPU p95 "
        f"{percentile(every_cpu, 0.95):.1f})"
    )


if __name__ == "__main__":
    main()
