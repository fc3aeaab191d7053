"""Where document files live: apart from the media a reverse proxy may serve.

Documents can be private (a collection kept for logged-in users or behind a password):
their files are only ever sent by Wagtail's serve view (/documents/…), after its privacy
checks. They are stored through the "documents" storage (settings.STORAGES): a folder
outside MEDIA_ROOT (DOCUMENTS_ROOT) on disk, or a private bucket on object storage
(config/media_storage.py), never at a public URL.
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Files without any URL of their own: nothing can link to them past Django's checks."""

    def url(self, name):
        raise NotImplementedError("Documents are served by Wagtail's serve view only.")


class DocumentStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["documents"]


document_storage = DocumentStorage()


def select_document_storage():
    """The document model's storage (a callable keeps it out of the migrations)."""
    return document_storage


@receiver(setting_changed)
def forget_document_storage(setting, **kwargs):
    # As Django does for its default storage: a test changing STORAGES gets the new one.
    if setting == "STORAGES":
        document_storage._wrapped = empty
