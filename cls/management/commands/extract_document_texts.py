from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from cls.documents.extraction import ExtractionStatus
from cls.documents.tasks import extract_document_text


class Command(BaseCommand):
    help = (
        "Queue the text extraction of documents still waiting for it (uploaded before "
        "extraction existed, or while no task worker ran); --all reads every document again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every document again.")

    def handle(self, *args, all=False, **options):
        documents = get_document_model().objects.all()
        if not all:
            documents = documents.filter(extraction_status=ExtractionStatus.PENDING)
        ids = list(documents.values_list("pk", flat=True))
        for document_id in ids:
            extract_document_text.enqueue(document_id)
        self.stdout.write(f"Lecture du texte demandée pour {len(ids)} document(s).")
