"""Freshness under load: what an editor commits shows at once, on every spelling of a host.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_freshness \\
    REDIS_URL=redis://127.0.0.1:6379/11 \\
        .venv/bin/python -m bench.freshness [--cycles 3] [--visitors 6] [--workers 3]

The database named by DATABASE_URL is created for the run (it must not exist), filled
with the demo (`migrate`, `load_demo`) and dropped at the end; the Redis db of REDIS_URL
is emptied first (the bench's own: earlier content versions must not meet this run's).
gunicorn serves both sites with the production settings and --workers workers. This
process is the editor: Django set up with the same settings, database and Redis, so
that its changes bump the content versions the servers read.

Each change (bench/freshness_changes.py: an action's new title, unpublished and
published again; a snippet renamed; an axis published, made private, public again,
deleted with its action; a page moved to the other site and back; a documents'
collection made private and public again; the site's organisation renamed) is made
through Wagtail's APIs in a transaction held open --commit-seconds, the slow commit of a
busy server, while --visitors threads request the pages it affects without a session
(so from the page cache when they can), on every spelling of each site's host (its
hostname, in capitals, with a trailing dot, and 127.0.0.1 for the default site), with
and without a query string. Once committed, and again --recheck-seconds later, every
affected page is requested on every spelling, with and without the query string: an
answer whose status or content does not show the change is stale. The bench prints the
changes tried, the answers checked, the stale answers and the 5xx or failed requests
(checks and visitors), and exits 1 if there is any stale answer or any failure.
"""

import argparse
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from urllib.error import URLError

import psycopg
import redis

from bench.load import paths_in_sitemap
from tests.production_servers import (
    ROOT,
    Browser,
    Server,
    collect_static,
    database_url,
    empty_postgres_database,
    production_environment,
)

QUERY_STRING = "?utm_source=lettre"  # never served from the page cache
CHECKERS = 4  # answers checked at once after a commit: all of them come soon after it


def host_spellings(site):
    """The Host headers that reach `site`: Wagtail resolves them all to it."""
    spellings = [site.hostname, site.hostname.upper(), f"{site.hostname}."]
    if site.is_default_site:
        spellings.append("127.0.0.1")  # no site's hostname: answered by the default site
    return spellings


def fetcher(server):
    """fetch(host, path) -> (status, text) of an anonymous request, or (None, the failure)."""

    def fetch(host, path):
        try:
            response = Browser(server, host).get(path)  # a new browser: no cookie, no session
        except (URLError, ConnectionError, TimeoutError) as failure:
            return None, f"{type(failure).__name__}: {failure}"
        return response.status, response.text

    return fetch


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    changes: int = 0
    answers: dict = field(default_factory=dict)  # moment -> answers checked
    pages: set = field(default_factory=set)  # (site, path) checked
    stale: list = field(default_factory=list)  # (moment, description)
    failed_checks: list = field(default_factory=list)
    visits: int = 0
    failed_visits: list = field(default_factory=list)
    duration: float = 0.0

    def visited(self, change, host, path, status, text):
        with self.lock:
            self.visits += 1
            if status is None or status >= 500:
                failure = status or text
                self.failed_visits.append(f"{change}, visitor: {host}{path} {failure}")

    def checked(self, moment, answer, problem):
        with self.lock:
            self.answers[moment] = self.answers.get(moment, 0) + 1
            self.pages.add((answer.site.pk, answer.path))
            if problem is None:
                return
            kind, description = problem
            if kind == "stale":
                self.stale.append((moment, description))
            else:
                self.failed_checks.append(description)


class Focus:
    """The requests visitors make: those the change being made affects."""

    def __init__(self):
        self.change, self.requests = "", []

    def aim_at(self, change):
        # Replaced at once, never modified: visitors read them without a lock.
        self.change, self.requests = change.description, list(requests_for(change.expected))


def requests_for(expected):
    """(expected answer, host, path) for every spelling of its host, with and without a query."""
    for answer in expected:
        for host in host_spellings(answer.site):
            for query in ("", QUERY_STRING):
                yield answer, host, answer.path + query


def visitor(fetch, focus, stop, tally, first):
    index = first
    while not stop.is_set():
        requests = focus.requests
        if not requests:
            time.sleep(0.05)
            continue
        _answer, host, path = requests[index % len(requests)]
        index += 1
        tally.visited(focus.change, host, path, *fetch(host, path))


def problem_with(answer, status, text):
    """None when the answer shows the change, else ("stale" or "failed", what is wrong)."""
    if status is None or status >= 500:
        return "failed", f"{status or text}"
    if status != answer.status:
        return "stale", f"status {status} instead of {answer.status}"
    if status != 200:
        return None
    missing = [shown for shown in answer.shows if escape(shown) not in text]
    left = [hidden for hidden in answer.hides if escape(hidden) in text]
    if missing or left:
        return "stale", f"missing {missing}, still showing {left}"
    return None


def check(fetch, change, moment, tally, checkers=CHECKERS):
    """Request every page the change affects; the number of stale or failed answers."""

    def check_one(request):
        answer, host, path = request
        problem = problem_with(answer, *fetch(host, path))
        if problem:
            kind, description = problem
            problem = kind, f"{change.description}, {moment}: {host}{path} {description}"
        tally.checked(moment, answer, problem)
        return problem is not None

    if checkers == 1:  # in this thread, on its database connection (the tests')
        return sum(map(check_one, requests_for(change.expected)))
    with ThreadPoolExecutor(checkers) as pool:
        return sum(pool.map(check_one, requests_for(change.expected)))


def pages_showing(fetch):
    """pages_showing(text) -> [(site, path)] of the pages of every site's map showing it."""
    from wagtail.models import Site

    def pages_showing(text):
        return [
            (site, path)
            for site in Site.objects.order_by("pk")
            for path in paths_in_sitemap(fetch(site.hostname, "/sitemap.xml")[1])
            if escape(text) in fetch(site.hostname, path)[1]
        ]

    return pages_showing


def try_change(fetch, change, focus, tally, options):
    from django.db import transaction

    focus.aim_at(change)
    time.sleep(options.warm_seconds)  # visitors cache the pages as they stand
    with transaction.atomic():
        change.make()
        time.sleep(options.commit_seconds)  # the slow commit: visitors keep reading
    tally.changes += 1
    stale = check(fetch, change, "at once", tally)
    time.sleep(options.recheck_seconds)
    stale += check(fetch, change, f"{options.recheck_seconds:g} s later", tally)
    answers = 2 * len(list(requests_for(change.expected)))
    print(f"  {change.description}: {answers} answers checked, {stale} stale or failed")


def run(server, options):
    from django.db import transaction

    from bench.freshness_changes import Editor  # models: once Django is set up

    fetch, tally, focus, stop = fetcher(server), Tally(), Focus(), threading.Event()
    editor = Editor(pages_showing(fetch))
    with transaction.atomic():
        editor.name_uniquely()
    visitors = [
        threading.Thread(target=visitor, args=(fetch, focus, stop, tally, first))
        for first in range(options.visitors)
    ]
    for thread in visitors:
        thread.start()
    started = time.monotonic()
    try:
        for cycle in range(1, options.cycles + 1):
            print(f"cycle {cycle}")
            for change in editor.changes(cycle):
                try_change(fetch, change, focus, tally, options)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()
    tally.duration = time.monotonic() - started
    return tally


def set_up_django(environment):
    """This process, the editor, on the servers' settings, database and Redis."""
    import django

    # Wagtail logs every publication at INFO: the bench prints its own figures.
    os.environ.update(environment, LOG_LEVEL="WARNING")
    django.setup()


def check_shared_cache(redis_url):
    """The editor's content version bumps must reach the Redis the servers read."""
    from django.conf import settings
    from django.core.cache import caches

    from config.redis_cache import ResilientRedisCache

    cache = caches["default"]
    location = settings.CACHES["default"].get("LOCATION")
    if not isinstance(cache, ResilientRedisCache) or location != redis_url:
        sys.exit(f"the bench's cache is {type(cache).__name__} at {location}, not {redis_url}")
    cache.set("bench-freshness-probe", "ok", 60)
    if not redis.Redis.from_url(redis_url).exists(cache.make_key("bench-freshness-probe")):
        sys.exit(f"what the bench's cache stores does not reach {redis_url}")


@contextmanager
def demo_database(environment):
    """The database of DATABASE_URL, new, holding the demo; dropped afterwards."""
    import subprocess

    from django.db import connection

    name = connection.settings_dict["NAME"]
    with psycopg.connect(database_url("postgres")) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            sys.exit(f"database {name} exists: the bench creates and drops its own")
    with empty_postgres_database(name):
        for command in (["migrate", "--no-input"], ["load_demo"]):
            subprocess.run(  # noqa: S603 (the project's own commands)
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=environment,
                check=True,
                capture_output=True,
                timeout=900,
            )
        try:
            yield
        finally:
            connection.close()


def report(tally):
    """Print the figures; True when no answer was stale and nothing failed."""
    print(f"{tally.changes} changes tried in {tally.duration:.0f} s")
    answers = ", ".join(f"{count} {moment}" for moment, count in tally.answers.items())
    print(
        f"{sum(tally.answers.values())} answers checked ({answers}) "
        f"on {len(tally.pages)} different pages"
    )
    stale = ", ".join(
        f"{sum(moment == when for when, _d in tally.stale)} {moment}" for moment in tally.answers
    )
    print(f"{len(tally.stale)} stale answers ({stale})")
    print(f"{len(tally.failed_checks)} checked answers 5xx or failed")
    print(f"{tally.visits} visitor requests, {len(tally.failed_visits)} 5xx or failed")
    # Failures first: fewer, and what they say (a timeout, a 500) is not in the page.
    stale_descriptions = [description for _moment, description in tally.stale]
    for description in [*tally.failed_checks, *tally.failed_visits, *stale_descriptions][:20]:
        print(f"  {description}")
    return not (tally.stale or tally.failed_checks or tally.failed_visits)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=3, help="times every change is made")
    parser.add_argument("--visitors", type=int, default=6)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--commit-seconds", type=float, default=0.5)
    parser.add_argument("--warm-seconds", type=float, default=1, help="visits before a change")
    parser.add_argument("--recheck-seconds", type=float, default=2)
    options = parser.parse_args()

    redis_url = os.environ["REDIS_URL"]
    with tempfile.TemporaryDirectory() as static_root, tempfile.TemporaryDirectory() as media:
        environment = production_environment(os.environ["DATABASE_URL"], static_root, redis_url)
        environment.update(WEB_CONCURRENCY=str(options.workers), MEDIA_ROOT=media)
        set_up_django(environment)
        check_shared_cache(redis_url)
        redis.Redis.from_url(redis_url).flushdb()
        with demo_database(environment):
            collect_static(environment)
            server = Server(environment)
            try:
                server.wait_until_healthy()
                print(f"gunicorn, {options.workers} workers; {options.visitors} visitors")
                tally = run(server, options)
                if tally.failed_checks or tally.failed_visits:
                    print_server_errors(server)
            finally:
                server.stop()
    sys.exit(0 if report(tally) else 1)


def print_server_errors(server):
    """What gunicorn logged about failed requests (worker timeouts, exceptions, restarts)."""
    marks = ("[ERROR]", "[CRITICAL]", "Error", "Traceback", "Autorestarting")
    for line in server.log_tail(size=10**8).splitlines():
        if any(mark in line for mark in marks):
            print(f"  server: {line[:300]}")


if __name__ == "__main__":
    main()
