from django_tasks import task
from wagtail.documents import get_document_model


@task()
def extract_document_text(document_id):
    """Store the text of a newly uploaded file, outside the upload request."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return  # deleted before the worker got to it
    document.refresh_extracted_text()
    document.save(update_fields=["extracted_text", "extraction_status", "extraction_message"])
