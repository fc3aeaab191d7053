"""Checks that keep robots out of the contact form without a CAPTCHA.

- a signed timestamp in a hidden field: a message sent seconds after the page was
  served is a robot's (a person reads and types);
- a per-address rate limit counted in the Django cache (shared by every process when the
  cache is Redis or Memcached; per process with the local-memory cache); the address is
  the one config/client_address.py finds, behind the reverse proxy too.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

_SALT = "contacts.form-started"
_RATE_KEY = "contacts:rate:{address}:{window}"


def sign_start_time(timestamp=None):
    """A tamper-proof token recording when the form was served."""
    return signing.dumps(timestamp if timestamp is not None else time.time(), salt=_SALT)


def read_start_time(token):
    """The time a token was signed at, or None when it is missing or forged."""
    try:
        return float(signing.loads(token, salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def filled_too_fast(started_at):
    return time.time() - started_at < settings.CONTACT_MIN_FILL_SECONDS


def count_message_and_check_limit(address):
    """Count one more message from this address; False once it exceeds the limit.

    Fixed windows: at most CONTACT_RATE_LIMIT messages per CONTACT_RATE_WINDOW seconds.
    """
    window_seconds = settings.CONTACT_RATE_WINDOW
    key = _RATE_KEY.format(address=address, window=int(time.time() // window_seconds))
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= settings.CONTACT_RATE_LIMIT
