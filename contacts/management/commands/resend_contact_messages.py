from django.conf import settings
from django.core.management.base import BaseCommand

from contacts.delivery import deliver
from contacts.models import ContactSubmission


class Command(BaseCommand):
    help = (
        "E-mails again the contact messages not delivered yet (pending or failed). "
        "Run it from cron, e.g. every 15 minutes: it is the retry when the mail server "
        "was down."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Also retry messages that used up CONTACT_DELIVERY_MAX_ATTEMPTS.",
        )

    def handle(self, *args, **options):
        submissions = ContactSubmission.objects.undelivered().order_by("submit_time")
        if not options["all"]:
            submissions = submissions.filter(
                delivery_attempts__lt=settings.CONTACT_DELIVERY_MAX_ATTEMPTS
            )
        outcomes = [deliver(pk) for pk in submissions.values_list("pk", flat=True)]
        sent = outcomes.count(True)
        self.stdout.write(f"{sent} message(s) sent, {len(outcomes) - sent} still undelivered.")
