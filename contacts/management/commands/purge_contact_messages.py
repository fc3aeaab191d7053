from django.conf import settings
from django.core.management.base import BaseCommand

from contacts.models import ContactSubmission


class Command(BaseCommand):
    help = (
        "Deletes contact messages older than the retention period "
        "(CONTACT_RETENTION_DAYS, 365 days by default), as promised to visitors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CONTACT_RETENTION_DAYS,
            help="Retention in days (default: CONTACT_RETENTION_DAYS).",
        )

    def handle(self, *args, **options):
        deleted, _ = ContactSubmission.objects.older_than(options["days"]).delete()
        self.stdout.write(f"{deleted} message(s) older than {options['days']} days deleted.")
