"""Load and fault test on loopback: gunicorn workers under concurrent visitors.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.load --duration 60 --clients 16 --workers 4

The database must hold the demo (`make demo` with the same DATABASE_URL). Visitors walk
every page of both demo sites' sitemaps; any 5xx or connection failure is an error.
With --restart "pg_ctlcluster 15 main restart", PostgreSQL is restarted a third of the
way in, and the report gives the window during which requests failed. Everything binds
to 127.0.0.1 and stops after --duration seconds.
"""

import argparse
import os
import re
import shlex
import statistics
import subprocess
import tempfile
import threading
import time
from urllib.error import URLError

from tests.production_servers import Browser, Server, collect_static, production_environment

HOSTS = ["localhost", "ruffecois.localhost"]


def sitemap_paths(server, hostname):
    sitemap = Browser(server, hostname).get("/sitemap.xml").text
    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []  # (time since start, description)
        self.duration = 0.0

    def record(self, started, elapsed, error=None):
        with self.lock:
            self.latencies.append(elapsed)
            if error:
                self.errors.append((started, error))


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
        results.record(began - start, time.monotonic() - began, error)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--restart", help="command restarting PostgreSQL mid-run")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as static_root:
        environment = production_environment(os.environ["DATABASE_URL"], static_root)
        environment["WEB_CONCURRENCY"] = str(options.workers)
        collect_static(environment)
        server = Server(environment)
        try:
            server.wait_until_healthy()
            report(run_load(server, options))
        finally:
            server.stop()


def run_load(server, options):
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
    if options.restart:
        time.sleep(options.duration / 3)
        print(f"t={time.monotonic() - start:.1f}s: {options.restart}")
        # Detached from our output: a restarted server must not inherit (and hold) it.
        subprocess.run(  # noqa: S603 (the operator's own command)
            shlex.split(options.restart),
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            timeout=options.duration,
        )
        print(f"t={time.monotonic() - start:.1f}s: restarted")
    for thread in threads:
        thread.join()
    results.duration = time.monotonic() - start
    return results


def report(results):
    latencies = sorted(results.latencies)
    print(
        f"{len(latencies)} requests in {results.duration:.1f}s "
        f"({len(latencies) / results.duration:.0f}/s); latency median "
        f"{statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"{len(results.errors)} errors")
    if results.errors:
        times = [at for at, _error in results.errors]
        first, last = min(times), max(times)
        print(f"errors between t={first:.1f}s and t={last:.1f}s ({last - first:.1f}s window)")
        for description in sorted({error for _at, error in results.errors})[:10]:
            print(f"  {description}")


if __name__ == "__main__":
    main()
