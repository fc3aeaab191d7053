"""Idempotent building blocks for the demo sites: each returns what exists or creates it."""

from django.core.files.base import ContentFile
from wagtail.models import Collection

from cls.models import Organisation, SiteDocument

from .pdf import document_pdf, make_pdf


def get_or_create_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def get_or_create_document(collection, title, paragraphs, filename, **fields):
    """A document with a short generated PDF whose text is the title and paragraphs."""
    return get_or_create_pdf(
        collection, title, lambda: make_pdf(title, paragraphs), filename, **fields
    )


def get_or_create_report(collection, document, filename, **fields):
    """A document whose PDF is laid out from a pdf.Document: title page, contents, sections."""
    return get_or_create_pdf(
        collection, document.title, lambda: document_pdf(document), filename, **fields
    )


def get_or_create_pdf(collection, title, make_file, filename, **fields):
    """The collection's document with this title, or a new one whose file `make_file()`
    returns (called only when the document is created)."""
    document = SiteDocument.objects.filter(collection=collection, title=title).first()
    if document:
        return document
    document = SiteDocument(title=title, collection=collection, **fields)
    document.file.save(filename, ContentFile(make_file()), save=False)
    document._set_document_file_metadata()  # size and hash, as the admin upload form does
    # Read the text now rather than in a task: the demo is complete even without a worker.
    document.refresh_extracted_text()
    document.save()
    return document


def get_or_create_organisation(name, **fields):
    organisation = Organisation.objects.filter(name=name).first()
    return organisation or Organisation.objects.create(name=name, **fields)
