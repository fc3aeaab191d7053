"""Page speed on a large site: gunicorn with 2 workers, PostgreSQL and Redis, loopback only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.corpus
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.pages

For one page of each type of the first bench site (bench/corpus.py: 8 axes of 40 action
sheets, 170 documents…) and for a minimal Django view served by the same processes (the
reference), it prints: median and p95 time over 200 sequential requests, requests/s
with 8 concurrent connections for 10 s (wrk, from Debian's package of that name; a
Python client otherwise, which saturates sooner), SQL queries per response and HTML
bytes, first with the page cache off, then on. Nothing is written to the database.

The uncached p50 target, 15 ms where the minimal view does 2,800 req/s, is scaled to the
machine's speed, which drifts (15 ms x 2,800 / the minimal view's req/s): each page's from
the minimal view measured just before it (column "target ms"). The minimal view goes
through every middleware but the page cache's lookups (bench/settings.py), so that cached
pages are compared with what Django costs without that cache. Uncached, the sequential
requests are repeated in rounds (--rounds, 3 by default), each with its own reference:
the table shows each page's median round and lists the fraction of its target every
round took.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time

import redis
from wagtail.models import Site

from bench.corpus import bench_hostname
from cls.models import ActionPage, AxisPage, ContractPage, DocumentCollectionPage
from contacts.models import ContactPage
from home.models import ContentPage, SitemapPage
from tests.production_servers import Server, collect_static, production_environment

MINIMAL_VIEW = "/bench/minimal/"
# Uncached pages: p50 under 15 ms on a machine where the minimal view does 2,800 req/s.
TARGET_P50_MS = 15
TARGET_REFERENCE_RPS = 2800
PAGE_TYPES = [
    ("home", None),
    ("contract", ContractPage),
    ("axis (40 actions)", AxisPage),
    ("action", ActionPage),
    ("documents (list)", DocumentCollectionPage),
    ("contact (form)", ContactPage),
    ("content", ContentPage),
    ("site map", SitemapPage),
]


def sample_paths(hostname):
    """{label: path} of one page per type on the site, and the minimal view."""
    site = Site.objects.get(hostname=hostname)
    paths = {}
    for label, model in PAGE_TYPES:
        page = (
            site.root_page
            if model is None
            else model.objects.live().descendant_of(site.root_page).order_by("path").first()
        )
        paths[label] = page.relative_url(site)
    paths["minimal Django view"] = MINIMAL_VIEW
    return paths


class Target:
    def __init__(self, port, hostname):
        self.port = port
        self.headers = {"Host": hostname, "X-Forwarded-Proto": "https"}

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=self.headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return response, body


def sequential_times(target, path, count):
    """Response times in ms, and the most frequent query count (a worker's first request for
    a page also fills per-process caches, such as Django's content types)."""
    times, query_counts = [], []
    for _ in range(count):
        start = time.perf_counter()
        response, _body = target.get(path)
        times.append((time.perf_counter() - start) * 1000)
        query_counts.append(response.getheader("X-Queries"))
    return times, statistics.mode(query_counts)


def throughput_wrk(target, path, connections, seconds):
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s"]
    for name, value in target.headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603 (fixed command, loopback)
        [*command, f"http://127.0.0.1:{target.port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    if re.search(r"Non-2xx or 3xx responses|Socket errors", output):
        print(f"{path}: errors under load\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def throughput_python(target, path, connections, seconds):
    done = []
    deadline = time.monotonic() + seconds

    def client():
        count = 0
        while time.monotonic() < deadline:
            target.get(path)
            count += 1
        done.append(count)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def measure(target, paths, cached, args):
    """One row per path. Uncached, the sequential requests are repeated in `args.rounds`
    rounds, each page after the minimal view measured just before it (this machine's speed
    drifts within a run), and the row shows the median round: the one whose p50 is the
    median fraction of its target."""
    throughput = throughput_wrk if shutil.which("wrk") else throughput_python
    rows = {}
    for round_number in range(1 if cached else args.rounds):
        for label, path in paths.items():
            if round_number and path == MINIMAL_VIEW:
                continue
            reference_rps = (
                throughput(target, MINIMAL_VIEW, args.connections, args.seconds)
                if not cached and path != MINIMAL_VIEW
                else None
            )
            if not round_number:
                target.get(path)  # warm: renditions, site data, the page cache
                response, body = target.get(path)
                rows[label] = {
                    "label": label,
                    # Pages with a form (CSRF token) are never taken from the page cache.
                    "hit": response.getheader("X-Page-Cache") == "hit",
                    "bytes": len(body),
                    "rounds": [],
                }
            times, rows[label]["queries"] = sequential_times(target, path, args.requests)
            rows[label]["rounds"].append(
                {
                    "p50": statistics.median(times),
                    "p95": statistics.quantiles(times, n=20)[-1],
                    "reference_rps": reference_rps,
                }
            )
            if not round_number:
                rows[label]["rps"] = throughput(target, path, args.connections, args.seconds)
    for row in rows.values():
        row.update(median_round(row["rounds"]))
    return list(rows.values())


def p50_target(reference_rps):
    """The p50 target scaled to the speed the machine had, from the minimal view's req/s:
    a faster machine (more req/s) must serve pages in less time."""
    return TARGET_P50_MS * TARGET_REFERENCE_RPS / reference_rps


def target_fraction(measured_round):
    return measured_round["p50"] / p50_target(measured_round["reference_rps"])


def over_target(measured_round):
    """ "p50 > target" in ms, for the verdict lines."""
    return f"{measured_round['p50']:.1f} > {p50_target(measured_round['reference_rps']):.1f}"


def median_round(rounds):
    if rounds[0]["reference_rps"] is None:
        return rounds[0]
    by_fraction = sorted(rounds, key=target_fraction)
    return by_fraction[len(by_fraction) // 2]  # of an even number, the slower


def report(title, rows):
    print(f"\n{title}")
    uncached = any(row["reference_rps"] for row in rows)
    extra = f"{'target ms':>11}  p50/target by round" if uncached else ""
    print(
        f"{'page':<22}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>9}{'queries':>9}{'HTML bytes':>12}{extra}"
    )
    for row in rows:
        label = row["label"] + (" *" if row["hit"] else "")
        extra = ""
        if row["reference_rps"]:
            fractions = " ".join(f"{target_fraction(r):.2f}" for r in row["rounds"])
            extra = f"{p50_target(row['reference_rps']):>11.1f}  {fractions}"
        print(
            f"{label:<22}{row['p50']:>8.1f}{row['p95']:>8.1f}{row['rps']:>9.0f}"
            f"{row['queries']:>9}{row['bytes']:>12,}{extra}"
        )
    minimal = rows[-1]["rps"]
    pages = rows[:-1]
    cached = [row for row in pages if row["hit"]]
    weakest = min(row["rps"] for row in cached or pages)
    print(
        f"slowest page p50 {max(row['p50'] for row in pages):.1f} ms; weakest "
        f"{'cached page (*) ' if cached else 'page '}{weakest:.0f} req/s "
        f"= {weakest / minimal:.0%} of the minimal view's {minimal:.0f} req/s"
    )
    if uncached:
        rounds = len(pages[0]["rounds"])
        over = [f"{row['label']} ({over_target(row)})" for row in pages if target_fraction(row) > 1]
        print(
            f"p50 above its target (from the minimal view measured just before the page) in "
            f"the median of {rounds} rounds: {', '.join(over) or 'none'}"
        )
        over = [
            f"{row['label']} (round {number}: {over_target(measured)})"
            for row in pages
            for number, measured in enumerate(row["rounds"], start=1)
            if target_fraction(measured) > 1
        ]
        print(f"p50 above its target in some round: {', '.join(over) or 'none'}")


def serve(environment, page_cache_timeout):
    environment = {**environment, "PAGE_CACHE_TIMEOUT": str(page_cache_timeout)}
    server = Server(environment)
    server.wait_until_healthy()
    return server


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=int, default=1, help="bench site number (bench/corpus)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--rounds",
        type=int,
        choices=range(1, 11),
        default=3,
        metavar="1-10",
        help="rounds of sequential requests, page cache off",
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()

    hostname = bench_hostname(args.site)
    paths = sample_paths(hostname)
    with tempfile.TemporaryDirectory() as static_root:
        environment = production_environment(
            os.environ["DATABASE_URL"], static_root, redis_url=args.redis_url
        )
        environment.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            # ruffecois.localhost: the host Server.wait_until_healthy asks for.
            ALLOWED_HOSTS=f"{hostname},ruffecois.localhost,127.0.0.1",
            WEB_CONCURRENCY=str(args.workers),
            GUNICORN_MAX_REQUESTS="0",  # no worker recycling in the middle of a measure
        )
        collect_static(environment)
        print(
            f"{hostname}: gunicorn, {args.workers} workers, PostgreSQL, Redis; "
            f"{args.requests} sequential requests, then {args.connections} connections "
            f"for {args.seconds} s ({'wrk' if shutil.which('wrk') else 'Python client'})"
        )
        print_load_average("at the start")
        for cached, timeout in [(False, 0), (True, 600)]:
            redis.Redis.from_url(args.redis_url).flushdb()
            server = serve(environment, timeout)
            try:
                rows = measure(Target(server.port, hostname), paths, cached, args)
            finally:
                server.stop()
            report("Page cache ON" if cached else "Page cache OFF", rows)
        print_load_average("at the end")


def print_load_average(when):
    """The figures measure the machine's free capacity: other work on it shows here."""
    print(f"load average {when}: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
