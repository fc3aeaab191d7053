"""Failed logins and wrong passwords: counted by django-axes, checked one at a time.

django-axes records each failure in the database (so the count holds when Redis is
down), per client address and username, and its authentication backend refuses a pair
that reached LOGIN_FAILURE_LIMIT. What it does not do, and this module adds:

- one attempt at a time: axes reads the count before the password is checked and
  writes it after, so simultaneous attempts all see the count of before (40 at once got
  8 passwords checked for a limit of 5; a known django-axes limitation, issue 592). Each
  client address's attempts hold a PostgreSQL advisory lock from the count to the
  record, so the next one sees the failure. SQLite, the single-server default, takes
  attempts as they come.
- a limit per address across accounts and passwords (LOGIN_FAILURE_LIMIT_PER_ADDRESS),
  so that one address cannot try a few passwords on every account.

Page and collection passwords are counted the same way, under a "username" naming the
restriction ("pageviewrestriction:12": a colon, so never a real username).
"""

import hashlib
import math
from contextlib import contextmanager
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import ngettext

from config.client_address import client_address


class TooManyFailures(ValidationError):
    """Shown in the form instead of checking the password."""

    def __init__(self):
        minutes = math.ceil(settings.LOGIN_FAILURE_WINDOW / 60)
        message = ngettext(
            "Trop de tentatives infructueuses depuis votre connexion : par sécurité, "
            "réessayez dans %(minutes)d minute.",
            "Trop de tentatives infructueuses depuis votre connexion : par sécurité, "
            "réessayez dans %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        super().__init__(message, code="too_many_failures")


@contextmanager
def one_attempt_at_a_time(request, username):
    """Around one check of a password: raises TooManyFailures past either limit.

    The check inside must end recorded: by Django's authenticate() (axes listens to its
    failure signal), or by record_failure().
    """
    address = client_address(request)
    with _address_lock(address):
        too_many = _failures_from(address) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        if too_many or not AxesProxyHandler.is_allowed(request, get_credentials(username)):
            raise TooManyFailures
        yield


def record_failure(request, username):
    """Count a wrong password checked outside authenticate() (page and collection passwords)."""
    AxesProxyHandler.user_login_failed(__name__, get_credentials(username), request)


def _failures_from(address):
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


@contextmanager
def _address_lock(address):
    if connection.vendor != "postgresql":
        yield
        return
    digest = hashlib.sha256(f"login-throttle:{address}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [key])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
