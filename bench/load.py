"""Load and fault test on loopback: gunicorn workers under concurrent visitors.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.load --duration 60 --clients 16 --workers 4 \\
        [--restart "<command restarting PostgreSQL>" | --redis-outage 20]

The database must hold the demo (`make demo` with the same DATABASE_URL and MEDIA_ROOT).
Visitors walk every page of both demo sites' sitemaps; any 5xx or connection failure is
an error. Meanwhile --contacts messages are sent through the contact form, and counted
in the database once sent and again at the end. With --restart "<command restarting
PostgreSQL>", the database is restarted a third of the way in (after the messages are
stored): failed requests must all overlap the restart, requests must succeed again
after it, and no message may be lost. With --redis-outage SECONDS, the servers use a
redis-server of the bench's own (REDIS_URL is not used), stopped a third of the way in
for SECONDS then started again, empty: the contact messages are sent from the moment it
stops, no request may fail, and the bench reports how soon the page cache serves hits
again. With a fault, errors, requests/s, latencies and page cache hits are also given
before, during and after it (requests counted by the time they started). Everything
binds to 127.0.0.1 and stops after --duration seconds; the exit status is 1 when a
check fails.
"""

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from urllib.error import URLError

from bench.contact_messages import send_contact_messages, stored_contact_messages
from tests.production_servers import (
    TEST_REDIS_URL,
    Browser,
    RedisServer,
    Server,
    collect_static,
    production_environment,
)

HOSTS = ["localhost", "ruffecois.localhost"]
# Page cache hits after Redis returns: back to normal at this share of the hit ratio of
# the last seconds before the outage.
RECOVERED_HIT_RATIO = 0.9
BEFORE_OUTAGE_SECONDS = 5


def sitemap_paths(server, hostname):
    return paths_in_sitemap(Browser(server, hostname).get("/sitemap.xml").text)


def paths_in_sitemap(sitemap):
    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []  # (started, ended, served from the page cache) since the start
        self.errors = []  # (started, ended, description)
        self.duration = 0.0
        self.started_at = 0.0  # time.time() at the start, to place gunicorn's log lines
        self.restart = None  # (began, ended)
        self.redis_outage = None  # (began, ended)
        self.recycled_workers = []  # when gunicorn restarted a worker (max_requests)
        self.contacts_sent = self.contacts_accepted = 0
        self.contacts_stored_before = self.contacts_stored_after = 0

    def record(self, started, ended, error=None, hit=False):
        with self.lock:
            self.requests.append((started, ended, hit))
            if error:
                self.errors.append((started, ended, error))


def visitor(server, pages, start, stop_at, results):
    browsers = {hostname: Browser(server, hostname) for hostname in HOSTS}
    index = 0
    while time.monotonic() < stop_at:
        hostname, path = pages[index % len(pages)]
        index += 1
        began = time.monotonic()
        hit = False
        try:
            response = browsers[hostname].get(path)
            error = f"HTTP {response.status} {path}" if response.status >= 500 else None
            hit = response.headers.get("X-Page-Cache") == "hit"
        except (URLError, ConnectionError, TimeoutError) as failure:
            error = f"{type(failure).__name__} {path}"
        results.record(began - start, time.monotonic() - start, error, hit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--contacts", type=int, default=20, help="contact messages to send")
    fault = parser.add_mutually_exclusive_group()
    fault.add_argument("--restart", help="command restarting PostgreSQL mid-run")
    fault.add_argument(
        "--redis-outage", type=float, metavar="SECONDS", help="stop Redis this long mid-run"
    )
    options = parser.parse_args()

    database_url = os.environ["DATABASE_URL"]
    with tempfile.TemporaryDirectory() as static_root, redis_of_its_own(options) as redis_server:
        redis_url = redis_server.url if redis_server else os.environ.get("REDIS_URL")
        environment = production_environment(database_url, static_root, redis_url or TEST_REDIS_URL)
        environment.update(
            WEB_CONCURRENCY=str(options.workers),
            # Messages are stored, then "e-mailed" into the workers' memory.
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        collect_static(environment)
        server = Server(environment)
        try:
            server.wait_until_healthy()
            results = run_load(server, database_url, options, redis_server)
            results.recycled_workers = recycled_workers(server, results.started_at)
        finally:
            server.stop()
    sys.exit(0 if report(results, options) else 1)


@contextmanager
def redis_of_its_own(options):
    """A redis-server the bench may stop (--redis-outage), else None: REDIS_URL's is used."""
    if not options.redis_outage:
        yield None
        return
    with tempfile.TemporaryDirectory() as directory:
        redis_server = RedisServer(directory)
        redis_server.start()
        try:
            yield redis_server
        finally:
            redis_server.process.kill()
            redis_server.process.wait()


def run_load(server, database_url, options, redis_server=None):
    pages = [(host, path) for host in HOSTS for path in sitemap_paths(server, host)]
    print(f"{len(pages)} pages, {options.clients} clients, {options.workers} workers")
    results = Results()
    start, results.started_at = time.monotonic(), time.time()
    stop_at = start + options.duration
    threads = [
        threading.Thread(target=visitor, args=(server, pages, start, stop_at, results))
        for _client in range(options.clients)
    ]
    for thread in threads:
        thread.start()
    marker = f"bench-{uuid.uuid4().hex[:8]}"
    send = partial(send_messages, server, database_url, options, results, marker, start)
    if redis_server:
        wait_until(start + options.duration / 3)
        # The messages are sent from the moment Redis stops: the form must store them.
        results.redis_outage = stop_redis(redis_server, options.redis_outage, start, send)
    else:
        send()
    if options.restart:
        wait_until(start + options.duration / 3)
        began = time.monotonic() - start
        restart(options.restart, options.duration)
        results.restart = (began, time.monotonic() - start)
        print(f"t={results.restart[0]:.1f}s to t={results.restart[1]:.1f}s: {options.restart}")
    for thread in threads:
        thread.join()
    results.duration = time.monotonic() - start
    results.contacts_stored_after = stored_contact_messages(database_url, marker)
    return results


def send_messages(server, database_url, options, results, marker, start):
    results.contacts_sent = options.contacts
    results.contacts_accepted = send_contact_messages(server, HOSTS, options.contacts, marker)
    results.contacts_stored_before = stored_contact_messages(database_url, marker)
    print(
        f"t={time.monotonic() - start:.1f}s: {results.contacts_accepted} contact messages "
        f"accepted, {results.contacts_stored_before} stored"
    )


def recycled_workers(server, started_at):
    """When gunicorn restarted a worker after its max_requests, in seconds since the start:
    requests wait while the new worker loads Django."""
    return [
        datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S %z").timestamp() - started_at
        for stamp in re.findall(
            r"^\[([^]]+)\] \[\d+\] \[INFO\] Autorestarting worker",
            server.log_tail(size=10**8),
            re.MULTILINE,
        )
    ]


def wait_until(moment):
    time.sleep(max(0, moment - time.monotonic()))


def stop_redis(redis_server, seconds, start, meanwhile):
    """Stop Redis for `seconds`, running `meanwhile` from then on; (began, ended)."""
    began = time.monotonic() - start
    redis_server.stop()
    print(f"t={began:.1f}s: Redis stopped")
    # In a thread: the outage lasts `seconds`, however long `meanwhile` takes.
    thread = threading.Thread(target=meanwhile)
    thread.start()
    wait_until(start + began + seconds)
    redis_server.start()  # empty: it keeps nothing on disk
    ended = time.monotonic() - start
    print(f"t={ended:.1f}s: Redis started again, empty")
    thread.join()
    return began, ended


def restart(command, timeout):
    # Detached from our output: a restarted server must not inherit (and hold) it.
    subprocess.run(  # noqa: S603 (the operator's own command)
        shlex.split(command),
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        timeout=timeout,
    )


def report(results, options):
    """Print the figures and the checks; True when every check passes."""
    overall = figures(results.requests, results.duration)
    print(f"{len(results.requests)} requests in {results.duration:.1f}s: {overall}")
    print(f"{len(results.errors)} errors")
    if results.errors:
        first = min(started for started, _ended, _error in results.errors)
        last = max(ended for _started, ended, _error in results.errors)
        print(f"failed requests between t={first:.1f}s and t={last:.1f}s ({last - first:.1f}s)")
        for description in sorted({error for _started, _ended, error in results.errors})[:10]:
            print(f"  {description}")
    fault = results.restart or results.redis_outage
    if fault:
        print_windows(results, *fault)
    if results.recycled_workers:
        times = ", ".join(f"{moment:.0f}" for moment in results.recycled_workers)
        print(f"gunicorn restarted a worker (max_requests) at t={times}s (to the second)")
    print(
        f"contact messages: {results.contacts_sent} sent, {results.contacts_accepted} "
        f"accepted, {results.contacts_stored_before} stored once sent, "
        f"{results.contacts_stored_after} at the end"
    )
    checks = {
        "every contact message accepted and kept": results.contacts_sent
        == results.contacts_accepted
        == results.contacts_stored_before
        == results.contacts_stored_after,
    }
    if results.restart:
        began, ended = results.restart
        after = sum(started > ended for started, _ended, _hit in results.requests)
        failed_after = sum(started > ended for started, _ended, _error in results.errors)
        print(f"{after - failed_after} requests succeeded after the restart")
        checks["failures only during the restart"] = all(
            started <= ended and finished >= began for started, finished, _e in results.errors
        )
        checks["requests succeed again after the restart"] = after > failed_after
    else:
        checks["no error"] = not results.errors
    if results.redis_outage:
        checks["the page cache serves hits again after Redis returns"] = print_recovery(
            results, *results.redis_outage
        )
    for check, passed in checks.items():
        print(f"{'ok' if passed else 'FAILED'}: {check}")
    return all(checks.values())


def figures(requests, seconds):
    """Requests/s, latencies and page cache hits of (started, ended, hit) requests."""
    if not requests:
        return "no request"
    latencies = sorted(ended - started for started, ended, _hit in requests)
    hits = sum(hit for _started, _ended, hit in requests)
    return (
        f"{len(latencies) / seconds:.0f}/s; latency median "
        f"{statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms; page cache hits {hits / len(latencies):.0%}"
    )


def print_windows(results, began, ended):
    """The figures before, during and after the fault (requests by the time they started)."""
    for label, start, end in [
        ("before", 0.0, began),
        ("during", began, ended),
        ("after", ended, results.duration),
    ]:
        requests = [request for request in results.requests if start <= request[0] < end]
        errors = sum(start <= started < end for started, _ended, _error in results.errors)
        print(
            f"{label} (t={start:.1f}-{end:.1f}s): {len(requests)} requests, {errors} errors, "
            f"{figures(requests, end - start)}"
        )


def page_cache_recovery(results, began, ended):
    """(hit ratio of the last seconds before the outage, seconds from Redis's return to
    the first hit, to the first second whose hit ratio is back near the former; or None)."""
    before = [
        hit for started, _e, hit in results.requests if 0 < began - started <= BEFORE_OUTAGE_SECONDS
    ]
    normal = sum(before) / len(before) if before else 0.0
    after = [(started - ended, hit) for started, _e, hit in results.requests if started >= ended]
    first_hit = min((since for since, hit in after if hit), default=None)
    for second in range(int(results.duration - ended) + 1):
        window = [hit for since, hit in after if second <= since < second + 1]
        if window and sum(window) / len(window) >= RECOVERED_HIT_RATIO * normal:
            return normal, first_hit, second
    return normal, first_hit, None


def print_recovery(results, began, ended):
    """How soon the page cache served hits again once Redis returned; whether it did."""
    normal, first_hit, recovered = page_cache_recovery(results, began, ended)
    first = "never" if first_hit is None else f"{first_hit:.1f}s after"
    back = "never" if recovered is None else f"from the second starting {recovered}s after"
    print(
        f"page cache once Redis returned: first hit {first}; hit ratio back to "
        f"{RECOVERED_HIT_RATIO:.0%} of the {normal:.0%} of the {BEFORE_OUTAGE_SECONDS}s "
        f"before the outage {back}"
    )
    return first_hit is not None


if __name__ == "__main__":
    main()
