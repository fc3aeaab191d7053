"""Rate-limited logins: after too many failures, a client stops being able to try.

Failures are counted in the default cache, per client address and username, in fixed
windows of LOGIN_FAILURE_WINDOW seconds. With Redis (REDIS_URL) the count is shared by
every application process, so adding servers does not multiply an attacker's attempts.
Counting per address *and* username means an attacker cannot lock a real editor out
from the editor's own network.
"""

import hashlib
import time

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def failure_key(request, username):
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    window = int(time.time() // settings.LOGIN_FAILURE_WINDOW)
    # Hashed: usernames are free text and cache keys must stay short and plain.
    digest = hashlib.sha256(f"{address}\n{(username or '').lower()}".encode()).hexdigest()
    return f"login-failures:{window}:{digest}"


class ThrottledModelBackend(ModelBackend):
    """Django's model backend, refusing every attempt once the failure limit is reached."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        key = failure_key(request, username)
        if cache.get(key, 0) >= settings.LOGIN_FAILURE_LIMIT:
            # Stops the whole backend chain: even the right password is refused.
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            self.count_failure(key)
        return user

    @staticmethod
    def count_failure(key):
        if not cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)
