"""Health endpoint for load balancers: 200 when the database and the cache answer."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_is_reachable():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_is_reachable():
    # A write and a read back: a Redis that refuses writes (full disk, replica) is down too.
    # One key per probe, so that concurrent probes from several servers never collide.
    token = uuid.uuid4().hex
    key = f"healthz:{token}"
    cache.set(key, token, timeout=10)
    reachable = cache.get(key) == token
    cache.delete(key)
    return reachable


CHECKS = {"database": database_is_reachable, "cache": cache_is_reachable}


def run_check(name, check):
    try:
        return check()
    except Exception:  # any failure means "not reachable"; the log says why
        logger.exception("Health check %s failed", name)
        return False


@never_cache
@require_GET
def healthz(request):
    results = {name: "ok" if run_check(name, check) else "error" for name, check in CHECKS.items()}
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503
    )
