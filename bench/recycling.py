"""Gunicorn worker recycling under load: the longest time without any answer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.recycling --duration 60 --clients 8 --max-requests 400

The database must hold the demo (`make demo` with the same DATABASE_URL). gunicorn runs
config/gunicorn.py with the production settings and --workers workers, recycled every
--max-requests requests (and its jitter) instead of 2,000 so that the run sees many
recyclings. Visitors walk both demo sites' pages on loopback; the report gives the
requests per second, the recyclings seen in gunicorn's log and the longest gap between
two consecutive answers. Exit status 1 if that gap exceeds --max-gap seconds or a
request fails.
"""

import argparse
import os
import re
import sys
import tempfile
import threading
import time
from datetime import datetime

from bench.load import HOSTS, Results, sitemap_paths, visitor
from tests.production_servers import TEST_REDIS_URL, Server, collect_static, production_environment

RECYCLING = re.compile(r"\[([0-9-]+ [0-9:]+ [+-][0-9]{4})\] \[\d+\] \[INFO\] Autorestarting")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=400)
    parser.add_argument("--max-gap", type=float, default=2.0, help="seconds")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as static_root:
        environment = production_environment(
            os.environ["DATABASE_URL"], static_root, os.environ.get("REDIS_URL", TEST_REDIS_URL)
        )
        environment.update(
            WEB_CONCURRENCY=str(options.workers),
            GUNICORN_MAX_REQUESTS=str(options.max_requests),
        )
        collect_static(environment)
        server = Server(environment)
        try:
            server.wait_until_healthy()
            results = run(server, options)
            log = server.log_tail(size=10**8)
        finally:
            server.stop()
    sys.exit(0 if report(results, log, options) else 1)


def run(server, options):
    pages = [(host, path) for host in HOSTS for path in sitemap_paths(server, host)]
    print(f"{len(pages)} pages, {options.clients} clients, {options.workers} workers")
    results = Results()
    results.started_at = time.time()
    start = time.monotonic()
    threads = [
        threading.Thread(
            target=visitor, args=(server, pages, start, start + options.duration, results)
        )
        for _client in range(options.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.duration = time.monotonic() - start
    return results


def recycling_times(log, started_at):
    """When each worker was told to restart, in seconds since the start of the load."""
    stamps = RECYCLING.findall(log)
    return [
        datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S %z").timestamp() - started_at
        for stamp in stamps
    ]


def longest_gap(results):
    """The longest time between two consecutive answers, and when it began."""
    answers = sorted(ended for _started, ended in results.requests)
    return max(
        (later - earlier, earlier) for earlier, later in zip(answers, answers[1:], strict=False)
    )


def report(results, log, options):
    gap, at = longest_gap(results)
    recycled = recycling_times(log, results.started_at)
    print(
        f"{len(results.requests)} requests in {results.duration:.1f}s "
        f"({len(results.requests) / results.duration:.0f}/s), {len(results.errors)} errors"
    )
    print(f"{len(recycled)} worker recyclings, at t=" + ", ".join(f"{t:.0f}" for t in recycled))
    print(f"longest gap between answers {gap:.2f}s (t={at:.1f}s)")
    passed = gap <= options.max_gap and not results.errors
    print(f"{'ok' if passed else 'FAILED'}: no gap over {options.max_gap}s, no error")
    return passed


if __name__ == "__main__":
    main()
