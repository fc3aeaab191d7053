"""The benches measure what they say: the load bench's contact messages pass the form's
checks the way people's messages do, and it times the page cache's return after a Redis
outage and places gunicorn's worker restarts in its run; the page bench's target follows
the machine's speed."""

import pytest
from django.test import Client

from bench.contact_messages import (
    CLIENT_IP_HEADER,
    CONTACT_PATH,
    filled_contact_form,
    visitor_address,
)
from contacts.models import ContactSubmission

from .conftest import RUFFECOIS_HOST

pytestmark = pytest.mark.django_db


def test_the_bench_sends_more_messages_than_one_address_may(ruffecois_site, settings):
    settings.CONTACT_MIN_FILL_SECONDS = 0  # the bench waits for it; the test need not
    settings.CLIENT_IP_HEADER = CLIENT_IP_HEADER
    count = settings.CONTACT_RATE_LIMIT + 1
    for index in range(count):
        visitor = Client(
            HTTP_HOST=RUFFECOIS_HOST,
            HTTP_X_FORWARDED_FOR=visitor_address(),
            enforce_csrf_checks=True,
        )
        form = filled_contact_form(visitor.get(CONTACT_PATH).content.decode(), f"essai-{index}")
        assert form["homepage"] == ""  # the honeypot stays empty
        response = visitor.post(CONTACT_PATH, form)
        assert 'role="status"' in response.content.decode(), response.content.decode()[-3000:]
    stored = ContactSubmission.objects.filter(form_data__icontains="essai-")
    assert stored.count() == count  # one more than an address may send in an hour


def test_the_page_bench_asks_a_faster_machine_for_faster_pages():
    from bench.pages import TARGET_P50_MS, TARGET_REFERENCE_RPS, p50_target

    assert p50_target(TARGET_REFERENCE_RPS) == TARGET_P50_MS
    assert p50_target(2 * TARGET_REFERENCE_RPS) == TARGET_P50_MS / 2
    assert p50_target(TARGET_REFERENCE_RPS / 2) == TARGET_P50_MS * 2


def test_the_load_bench_times_the_page_cache_coming_back_after_a_redis_outage():
    from bench.load import Results, page_cache_recovery

    results = Results()
    for tenth in range(300):  # ten requests a second for 30 s
        started = tenth / 10
        # Hits before the outage (t=10-20 s), none during it nor for 2 s after it.
        results.record(started, started + 0.01, hit=not 10 <= started < 22)
    results.duration = 30
    normal, first_hit, recovered = page_cache_recovery(results, began=10, ended=20)
    assert normal == 1
    assert first_hit == pytest.approx(2)
    assert recovered == 2


def test_the_load_bench_places_gunicorn_worker_restarts_in_its_run():
    from datetime import UTC, datetime

    from bench.load import recycled_workers

    class Server:
        @staticmethod
        def log_tail(size):
            # Workers log in the site's time zone (Django sets TZ), the master in UTC.
            return (
                "[2026-12-04 15:36:52 +0000] [11700] [INFO] Booting worker with pid: 11724\n"
                "[2026-12-04 16:37:00 +0100] [11724] [INFO] Autorestarting worker after "
                "current request.\n"
            )

    started_at = datetime(2026, 12, 4, 15, 36, 50, tzinfo=UTC).timestamp()
    assert recycled_workers(Server(), started_at) == [10.0]
