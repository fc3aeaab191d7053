"""Content for tests that need more of it than the demo sites hold."""

import datetime

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
