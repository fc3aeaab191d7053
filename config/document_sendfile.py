"""Documents sent by the reverse proxy once Django has checked them (X-Accel-Redirect).

Wagtail's document view checks privacy and the staff hooks, then hands the file to the
SENDFILE_BACKEND. This one answers without a body, naming the file in an X-Accel-Redirect
header under DOCUMENTS_X_ACCEL_PREFIX: nginx, for which that location is `internal`
(reachable only through such an answer), sends the file, so a large PDF on a slow
connection holds an nginx connection rather than a gunicorn worker
(docs/exploitation.md).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


class AccelRedirectResponse(HttpResponse):
    """An empty answer for nginx. Wagtail's sendfile gives every answer the file's length,
    which this body does not have: that header is left out."""

    def __setitem__(self, header, value):
        if header.lower() != "content-length":
            super().__setitem__(header, value)


def sendfile(request, filename, mimetype, **kwargs):
    relative = Path(filename).resolve().relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    response = AccelRedirectResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = settings.DOCUMENTS_X_ACCEL_PREFIX + quote(relative.as_posix())
    return response
