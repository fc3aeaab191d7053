"""The benches measure what they say: the load bench's contact messages pass the form's
checks the way people's messages do; the page bench's target follows the machine's speed."""

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
