"""Gunicorn settings for `make serve-prod`, all overridable from the environment.

gunicorn -c config/gunicorn.py config.wsgi
"""

import multiprocessing
import os
import sys

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A slow client or request must not hold a worker forever; uploads of large PDFs fit in 60 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never grows into an outage, without the
# site ever stopping to answer (bench/recycling.py; docs/exploitation.md). Workers share
# the load evenly and reach their count together: a jitter of half the count spreads
# their restarts. The application is loaded once, in the master (preload): a new worker
# is a fork that answers at once, instead of importing Django and Wagtail for 3 s or more.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 2
preload_app = True


def worker_exit(server, worker):
    """End a recycled worker at once. Python's own shutdown of a process holding the whole
    application (collecting every object, so copying every page it shared with the
    master) took 1.5 to 2.5 s, and the master replaces a worker only once it has ended."""
    if not worker.booted:
        return  # a worker that failed to boot exits with the status that stops the master
    ending = sys.exc_info()[1]
    status = ending.code if isinstance(ending, SystemExit) and isinstance(ending.code, int) else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


# Only the local reverse proxy may say a request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
wsgi_app = "config.wsgi:application"
