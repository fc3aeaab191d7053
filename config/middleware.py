"""Security headers Django's SecurityMiddleware does not set.

- Permissions-Policy: the site never needs the camera, microphone, location…
- Content-Security-Policy on the public site: scripts, styles, images and fonts from
  this origin only, no inline code. The public templates contain no inline script or
  style; the Wagtail admin (and its previews, served under the admin path) relies on
  inline scripts, so it is left out. Frames: only the players of the video providers the
  video block accepts (home/videos.py), which it loads when the visitor clicks.
"""

from django.conf import settings
from django.http import Http404
from django.views.defaults import page_not_found

from home.videos import frame_origins

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def public_content_security_policy(media_origin=""):
    """The public site's policy; media_origin: where images live when not on this host."""
    return "; ".join(
        (
            "default-src 'self'",
            " ".join(["frame-src 'self'", *frame_origins()]),
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: {media_origin}".strip(),
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAIL_ADMIN_PATH
        self.public_policy = public_content_security_policy(
            getattr(settings, "PUBLIC_MEDIA_ORIGIN", "")
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(self.admin_prefix):
            response.headers.setdefault("Content-Security-Policy", self.public_policy)
        return response


class NotFoundPageMiddleware:
    """Development (DEBUG): visitors' pages answer a missing page with the site's own 404
    page, in the page's language, as in production; the admin keeps Django's debug page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAIL_ADMIN_PATH

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and not request.path.startswith(self.admin_prefix):
            return page_not_found(request, exception)
        return None
