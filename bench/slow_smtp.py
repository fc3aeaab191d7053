"""Public traffic while contact messages meet a slow mail server, measured with wrk.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python -m bench.slow_smtp --duration 20 --contacts 16 --smtp-delay 8

The database must hold the demo (`make demo` with the same DATABASE_URL and MEDIA_ROOT).
Starts, on loopback: an SMTP server answering each message after --smtp-delay seconds,
gunicorn (--workers) and the task worker with the production settings. wrk (Debian
package) walks both demo sites' pages for --duration seconds twice: alone, then while
--contacts messages are sent through the contact form. With --tasks-in-request the web
server sends the e-mails itself, as before the task worker. Prints requests per second
of each run and the messages the mail server got; exit status 1 if a message is missing
or arrived twice, or a wrk request failed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.contact_messages import CLIENT_IP_HEADER, send_contact_messages
from bench.load import HOSTS, sitemap_paths
from tests.production_servers import (
    TEST_REDIS_URL,
    Server,
    TaskWorker,
    collect_static,
    production_environment,
)
from tests.smtp_server import smtp_server

WRK = shutil.which("wrk") or sys.exit("wrk is missing: apt-get install wrk")
WRK_SCRIPT = """
pages = {%s}
counter = 0
request = function()
  counter = counter + 1
  local page = pages[counter %% #pages + 1]
  return wrk.format("GET", page[2], {Host = page[1], ["X-Forwarded-Proto"] = "https"})
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--contacts", type=int, default=16)
    parser.add_argument("--smtp-delay", type=float, default=8, help="seconds")
    parser.add_argument("--tasks-in-request", action="store_true")
    options = parser.parse_args()

    with (
        smtp_server(reply_delay=options.smtp_delay) as mailbox,
        tempfile.TemporaryDirectory() as folder,
    ):
        environment = production_environment(
            os.environ["DATABASE_URL"], folder, os.environ.get("REDIS_URL", TEST_REDIS_URL)
        )
        environment.update(
            WEB_CONCURRENCY=str(options.workers),
            CLIENT_IP_HEADER=CLIENT_IP_HEADER,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mailbox.port),
        )
        if options.tasks_in_request:
            environment["DJANGO_SETTINGS_MODULE"] = "bench.tasks_in_request_settings"
        collect_static(environment)
        server, worker = Server(environment), TaskWorker(environment)
        try:
            server.wait_until_healthy()
            script = Path(folder) / "pages.lua"
            script.write_text(wrk_script(server))
            sys.exit(0 if run(server, script, mailbox, options) else 1)
        finally:
            server.stop()
            worker.stop()


def wrk_script(server):
    pages = [(host, path) for host in HOSTS for path in sitemap_paths(server, host)]
    return WRK_SCRIPT % ", ".join(f'{{"{host}", "{path}"}}' for host, path in pages)


def wrk(server, script, options):
    """Requests per second and failed requests of one wrk run."""
    output = subprocess.run(  # noqa: S603 (fixed command, loopback target)
        [
            WRK,
            "-t2",
            f"-c{options.connections}",
            f"-d{options.duration}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            f"http://127.0.0.1:{server.port}/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Socket errors: .*|Non-2xx or 3xx responses: \d+", output)
    return rate, errors.group(0) if errors else ""


def run(server, script, mailbox, options):
    alone, alone_errors = wrk(server, script, options)
    print(f"without contact messages: {alone:.1f} req/s {alone_errors}")
    marker = f"smtp-{uuid.uuid4().hex[:8]}"
    accepted = []
    sender = threading.Thread(
        target=lambda: accepted.append(
            send_contact_messages(server, HOSTS, options.contacts, marker)
        )
    )
    sender.start()
    during, during_errors = wrk(server, script, options)
    sender.join()
    where = "in the web requests" if options.tasks_in_request else "by the task worker"
    print(
        f"with {options.contacts} messages ({accepted[0]} accepted) sent {where} to a mail "
        f"server answering in {options.smtp_delay:.0f} s: {during:.1f} req/s {during_errors}"
    )
    deadline = time.monotonic() + options.contacts * (options.smtp_delay + 1) + 30
    while len(delivered(mailbox, marker)) < accepted[0] and time.monotonic() < deadline:
        time.sleep(1)
    received = delivered(mailbox, marker)
    print(f"mail server: {len(received)} messages, {len(set(received))} different Message-IDs")
    passed = len(received) == len(set(received)) == accepted[0] == options.contacts
    passed = passed and not (alone_errors or during_errors)
    print(f"{'ok' if passed else 'FAILED'}: every message delivered once, no failed request")
    return passed


def delivered(mailbox, marker):
    return [
        message["Message-ID"]
        for message in list(mailbox.messages)
        if marker in message.get_payload(decode=True).decode()
    ]


if __name__ == "__main__":
    main()
