"""Django's Redis cache backend, made to survive Redis being down or slow.

Redis only makes the site faster: a page whose cache is unreachable is built from the
database. So every cache operation that fails (refused, timed out) answers as a miss
(`get` returns the default, `add` False, `incr` raises ValueError as for a missing key,
writes do nothing), and the backend stops asking Redis for REDIS_RETRY_SECONDS, so that
requests do not each wait for a timeout. The outage is logged once when it starts and
once when it ends. When Redis answers a probe again, `cache_recovered` is sent before any
other operation goes through (home/content_version.py then retires every cached page: a
change made during the outage could not say so).

It also keeps one Redis client per connection pool: Django builds a new `redis.Redis`
client for every operation, and each fills a table of some 170 response callbacks, more
Python time than the round trip itself on a page that reads the cache a few times.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

cache_recovered = Signal()

# Cache operations take well under a millisecond: a Redis slower than this is down.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}


class Outage:
    """Whether one Redis server is considered down, shared by the threads of a process."""

    def __init__(self, location):
        self.location = location
        self.started_at = None
        self.retry_at = 0.0

    def should_skip(self):
        return self.started_at is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        now = time.monotonic()
        if self.started_at is None:
            self.started_at = now
            logger.warning(
                "Redis injoignable (%s) : pages servies sans cache jusqu'à son retour. %s",
                self.location,
                error,
            )
        self.retry_at = now + settings.REDIS_RETRY_SECONDS

    def ended(self, sender):
        duration = time.monotonic() - self.started_at
        self.started_at = None
        logger.warning("Redis de nouveau joignable (%s) après %.1f s.", self.location, duration)
        cache_recovered.send(sender=sender)


_outages = {}


def outage_for(servers):
    location = ",".join(servers)
    return _outages.setdefault(location, Outage(location))


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **{**DEFAULT_TIMEOUTS, **options})
        self._clients = {}
        self.outage = outage_for(servers)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if id(pool) not in self._clients:
            self._clients[id(pool)] = self._client(connection_pool=pool)
        return self._clients[id(pool)]

    def guarded(self, operation, default, *args):
        if self.outage.started_at is not None and not self.came_back():
            return default()
        try:
            return operation(*args)
        except RedisError as error:
            self.outage.failed(error)
            return default()

    def came_back(self):
        """During an outage: whether Redis answers again (tried every REDIS_RETRY_SECONDS)."""
        if self.outage.should_skip():
            return False
        try:
            self.get_client(write=True).ping()
        except RedisError as error:
            self.outage.failed(error)
            return False
        self.outage.ended(self)
        return True

    def is_available(self):
        return self.outage.started_at is None

    def add(self, key, value, timeout):
        return self.guarded(super().add, lambda: False, key, value, timeout)

    def get(self, key, default):
        return self.guarded(super().get, lambda: default, key, default)

    def set(self, key, value, timeout):
        return self.guarded(super().set, lambda: None, key, value, timeout)

    def touch(self, key, timeout):
        return self.guarded(super().touch, lambda: False, key, timeout)

    def delete(self, key):
        return self.guarded(super().delete, lambda: False, key)

    def get_many(self, keys):
        return self.guarded(super().get_many, dict, keys)

    def has_key(self, key):
        return self.guarded(super().has_key, lambda: False, key)

    def incr(self, key, delta):
        return self.guarded(super().incr, self.missing(key), key, delta)

    def set_many(self, data, timeout):
        return self.guarded(super().set_many, lambda: None, data, timeout)

    def delete_many(self, keys):
        return self.guarded(super().delete_many, lambda: None, keys)

    def clear(self):
        return self.guarded(super().clear, lambda: False)

    @staticmethod
    def missing(key):
        def raise_not_found():
            raise ValueError(f"Key '{key}' not found (Redis unavailable).")

        return raise_not_found


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient

    def is_available(self):
        return self._cache.is_available()
