"""Content for tests that need more of it than the demo sites hold."""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cls.models import SiteDocument


def add_documents(collection, count, **fields):
    """Documents without a stored file, created in one query: enough for listing them."""
    SiteDocument.objects.bulk_create(
        SiteDocument(
            title=f"Compte-rendu n° {number}",
            file=f"documents/cr-{number}.pdf",
            file_size=81_920,
            collection=collection,
            date=datetime.date(2010 + number % 8, 1 + number % 12, 1),
            document_type="compte-rendu",
            **fields,
        )
        for number in range(count)
    )


def make_image(title, width=1600, height=900):
    """A real JPEG file, stored as a Wagtail image."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (30, 120, 140)).save(buffer, "JPEG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.jpg"), description=title
    )
