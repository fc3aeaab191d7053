from collections import Counter

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from contacts.delivery import deliver
from contacts.models import ContactSubmission, DeliveryState
from contacts.models.submission import SENDABLE_STATES


class Command(BaseCommand):
    help = (
        "Catches up on contact messages whose automatic delivery was lost (task queue "
        "unreachable, worker stopped): sends those long overdue, and marks 'unknown' those "
        "whose sending started long ago without an outcome. Run it from cron, e.g. every "
        "15 minutes. Messages in an unknown state are only sent again with --unknown."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Send every pending or failed message now, even those that used up "
            "CONTACT_DELIVERY_MAX_ATTEMPTS or wait for their next automatic attempt.",
        )
        parser.add_argument(
            "--unknown",
            action="store_true",
            help="Also send the messages in an unknown state. Only after checking that "
            "the recipients did not receive them: they may get them twice (with the same "
            "Message-ID, which many mailboxes recognise).",
        )

    def handle(self, *args, all=False, unknown=False, **options):
        messages = ContactSubmission.objects
        stuck = messages.stuck_sending().update(
            delivery_state=DeliveryState.UNKNOWN,
            last_delivery_error=_("l'issue de l'envoi n'a pas été enregistrée"),
        )
        due = [messages.sendable() if all else messages.overdue()]
        states = list(SENDABLE_STATES)
        if unknown:
            due.append(messages.filter(delivery_state=DeliveryState.UNKNOWN))
            states.append(DeliveryState.UNKNOWN)
        ids = sorted(pk for queryset in due for pk in queryset.values_list("pk", flat=True))
        outcomes = Counter(
            submission.delivery_state for pk in ids if (submission := deliver(pk, states))
        )
        self.stdout.write(
            f"{outcomes[DeliveryState.SENT]} message(s) sent, "
            f"{outcomes[DeliveryState.FAILED]} failed, "
            f"{outcomes[DeliveryState.UNKNOWN]} in an unknown state; "
            f"{stuck} stuck while sending marked unknown."
        )
