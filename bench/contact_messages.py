"""Contact messages sent through the real form during the load, then counted in the database.

The form's anti-robot checks are passed as a person would pass them: the honeypot stays
empty, the CSRF token and the signed start time come from the served page, every form
is sent at least CONTACT_MIN_FILL_SECONDS after it was served, and each message comes
from its own visitor address (X-Forwarded-For, read by the server as behind the proxy:
CLIENT_IP_HEADER, set by tests/production_servers.py), so the per-address rate limit
is not the one counted.
"""

import random
import re
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import URLError
from urllib.parse import urlencode

import psycopg

from tests.production_servers import Browser

CONTACT_PATH = "/contact/"
MIN_FILL_SECONDS = 3  # config/settings/base.py, CONTACT_MIN_FILL_SECONDS
CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
HONEYPOT_FIELD = "homepage"
FORM = re.compile(r"<form\b(?:(?!</form>).)*?form_started.*?</form>", re.S)
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>")


def attribute(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else ""


def filled_contact_form(html, marker):
    """The contact form's fields, filled in, with `marker` in the e-mail and the message."""
    form = FORM.search(html).group(0)
    data = {}
    for element, attributes in FIELD.findall(form):
        name, kind = attribute(attributes, "name"), attribute(attributes, "type")
        if not name or kind == "submit":
            continue
        if kind == "hidden":
            data[name] = attribute(attributes, "value")
        elif name == HONEYPOT_FIELD:
            data[name] = ""
        elif kind == "email":
            data[name] = f"visiteur-{marker}@example.org"
        elif element == "select":
            select = re.search(rf'name="{name}".*?</select>', form, re.S).group(0)
            data[name] = re.search(r'<option value="([^"]+)"', select).group(1)
        elif element == "textarea":
            data[name] = f"Message de test de charge {marker} : merci de ne pas répondre."
        else:
            data[name] = "Camille Essai"
    return data


def visitor_address():
    """A private address per message: the rate limit is per address and per hour."""
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"  # noqa: S311


def send_contact_messages(server, hostnames, count, marker, senders=4):
    """Send `count` messages from `senders` visitors at once; the number accepted."""
    with ThreadPoolExecutor(senders) as pool:
        batches = [
            [(index, hostnames[index % len(hostnames)]) for index in range(first, count, senders)]
            for first in range(senders)
        ]
        return sum(pool.map(lambda batch: send_batch(server, batch, marker), batches))


def send_batch(server, batch, marker):
    """Serve each form, wait the minimum fill time once, send them all."""
    visitors = []
    for index, hostname in batch:
        browser = Browser(server, hostname, headers={"X-Forwarded-For": visitor_address()})
        form = filled_contact_form(browser.get(CONTACT_PATH).text, f"{marker}-{index}")
        visitors.append((browser, form))
    time.sleep(MIN_FILL_SECONDS + 0.5)
    accepted = 0
    for browser, form in visitors:
        try:
            response = browser.request(CONTACT_PATH, urlencode(form))
        except (URLError, ConnectionError, TimeoutError):
            continue
        # The landing page thanks the visitor in a status region; a refusal re-shows the form.
        accepted += response.status == 200 and 'role="status"' in response.text
    return accepted


def stored_contact_messages(database_url, marker):
    with psycopg.connect(database_url) as database:
        return database.execute(
            "SELECT count(*) FROM contacts_contactsubmission WHERE form_data::text LIKE %s",
            [f"%{marker}-%"],
        ).fetchone()[0]
