"""A real SMTP server on loopback (aiosmtpd) for the delivery tests and benchmarks: it
keeps what it receives, and can answer slowly, after a signal, or with a refusal."""

import asyncio
import email
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from .production_servers import free_port

ACCEPTED = "250 Message accepted for delivery"


class Mailbox:
    """The server's behaviour and what it received (one email.message.Message each)."""

    def __init__(self, reply_delay=0.0, reply=ACCEPTED):
        self.reply_delay = reply_delay
        self.reply = reply
        self.messages = []
        self.received = threading.Event()  # set on each message, before the answer
        self.release = threading.Event()  # the answer waits for it
        self.release.set()
        self.port = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.original_content))
        self.received.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait)
        await asyncio.sleep(self.reply_delay)
        return self.reply

    def message_ids(self):
        return [message["Message-ID"] for message in self.messages]


@contextmanager
def smtp_server(**behaviour):
    """A started SMTP server on 127.0.0.1; yields its Mailbox (with .port)."""
    mailbox = Mailbox(**behaviour)
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        mailbox.release.set()
        controller.stop()
