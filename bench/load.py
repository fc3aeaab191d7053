"""Load and fault test on loopback: gunicorn workers under concurrent visitors.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.load --duration 60 --clients 16 --workers 4

The database must hold the demo (`make demo` with the same DATABASE_URL and MEDIA_ROOT).
Visitors walk every page of both demo sites' sitemaps; any 5xx or connection failure is
an error. Meanwhile --contacts messages are sent through the contact form, and counted
in the database once sent and again at the end. With --restart "<command restarting
PostgreSQL>", the database is restarted a third of the way in (after the messages are
stored): failed requests must all overlap the restart, requests must succeed again
after it, and no message may be lost. Everything binds to 127.0.0.1 and stops after
--duration seconds; the exit status is 1 when a check fails.
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
from urllib.error import URLError

from bench.contact_messages import send_contact_messages, stored_contact_messages
from tests.production_servers import (
    TEST_REDIS_URL,
    Browser,
    Server,
    collect_static,
    production_environment,
)

HOSTS = ["localhost", "ruffecois.localhost"]


def sitemap_paths(server, hostname):
    sitemap = Browser(server, hostname).get("/sitemap.xml").text
    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []  # (started, ended) in seconds since the start
        self.errors = []  # (started, ended, description)
        self.duration = 0.0
        self.restart = None  # (began, ended)
        self.contacts_sent = self.contacts_accepted = 0
        self.contacts_stored_before = self.contacts_stored_after = 0

    def record(self, started, ended, error=None):
        with self.lock:
            self.requests.append((started, ended))
            if error:
                self.errors.append((started, ended, error))


def visitor(server, pages, start, stop_at, results):
    browsers = {hostname: Browser(server, hostname) for hostname in HOSTS}
    index = 0
    while time.monotonic() < stop_at:
        hostname, path = pages[index % len(pages)]
        index += 1
        began = time.monotonic()
        try:
            status = browsers[hostname].get(path).status
            error = f"HTTP {status} {path}" if status >= 500 else None
        except (URLError, ConnectionError, TimeoutError) as failure:
            error = f"{type(failure).__name__} {path}"
        results.record(began - start, time.monotonic() - start, error)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--contacts", type=int, default=20, help="contact messages to send")
    parser.add_argument("--restart", help="command restarting PostgreSQL mid-run")
    options = parser.parse_args()

    database_url = os.environ["DATABASE_URL"]
    with tempfile.TemporaryDirectory() as static_root:
        environment = production_environment(
            database_url, static_root, os.environ.get("REDIS_URL", TEST_REDIS_URL)
        )
        environment.update(
            WEB_CONCURRENCY=str(options.workers),
            # Messages are stored, then "e-mailed" into the workers' memory.
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        collect_static(environment)
        server = Server(environment)
        try:
            server.wait_until_healthy()
            results = run_load(server, database_url, options)
        finally:
            server.stop()
    sys.exit(0 if report(results, options) else 1)


def run_load(server, database_url, options):
    pages = [(host, path) for host in HOSTS for path in sitemap_paths(server, host)]
    print(f"{len(pages)} pages, {options.clients} clients, {options.workers} workers")
    results = Results()
    start = time.monotonic()
    stop_at = start + options.duration
    threads = [
        threading.Thread(target=visitor, args=(server, pages, start, stop_at, results))
        for _client in range(options.clients)
    ]
    for thread in threads:
        thread.start()
    marker = f"bench-{uuid.uuid4().hex[:8]}"
    results.contacts_sent = options.contacts
    results.contacts_accepted = send_contact_messages(server, HOSTS, options.contacts, marker)
    results.contacts_stored_before = stored_contact_messages(database_url, marker)
    print(
        f"t={time.monotonic() - start:.1f}s: {results.contacts_accepted} contact messages "
        f"accepted, {results.contacts_stored_before} stored"
    )
    if options.restart:
        time.sleep(max(0, start + options.duration / 3 - time.monotonic()))
        began = time.monotonic() - start
        restart(options.restart, options.duration)
        results.restart = (began, time.monotonic() - start)
        print(f"t={results.restart[0]:.1f}s to t={results.restart[1]:.1f}s: {options.restart}")
    for thread in threads:
        thread.join()
    results.duration = time.monotonic() - start
    results.contacts_stored_after = stored_contact_messages(database_url, marker)
    return results


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
    latencies = sorted(ended - started for started, ended in results.requests)
    print(
        f"{len(latencies)} requests in {results.duration:.1f}s "
        f"({len(latencies) / results.duration:.0f}/s); latency median "
        f"{statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"{len(results.errors)} errors")
    if results.errors:
        first = min(started for started, _ended, _error in results.errors)
        last = max(ended for _started, ended, _error in results.errors)
        print(f"failed requests between t={first:.1f}s and t={last:.1f}s ({last - first:.1f}s)")
        for description in sorted({error for _started, _ended, error in results.errors})[:10]:
            print(f"  {description}")
    print(
        f"contact messages: {results.contacts_sent} sent, {results.contacts_accepted} "
        f"accepted, {results.contacts_stored_before} stored before the restart, "
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
        after = sum(started > ended for started, _ended in results.requests)
        failed_after = sum(started > ended for started, _ended, _error in results.errors)
        print(f"{after - failed_after} requests succeeded after the restart")
        checks["failures only during the restart"] = all(
            started <= ended and finished >= began for started, finished, _e in results.errors
        )
        checks["requests succeed again after the restart"] = after > failed_after
    else:
        checks["no error"] = not results.errors
    for check, passed in checks.items():
        print(f"{'ok' if passed else 'FAILED'}: {check}")
    return all(checks.values())


if __name__ == "__main__":
    main()
