"""Where media files live in production, from the environment.

Local disk by default: images under MEDIA_ROOT (which the reverse proxy may serve),
documents under DOCUMENTS_ROOT (which it must not: Django sends them after its privacy
checks). S3-compatible object storage (django-storages, pip install ".[s3]") when
MEDIA_S3_BUCKET is set, with credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY:
images in that bucket, documents as private objects, never behind the public domain
(MEDIA_S3_CUSTOM_DOMAIN); a public domain serves a whole bucket, so documents then need
a bucket of their own (MEDIA_S3_DOCUMENTS_BUCKET). Documents are always served through
Django (WAGTAILDOCS_SERVE_METHOD), so their privacy checks and headers keep applying.
"""

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"


def object_storage(environ):
    """({"default": …, "documents": …} storages, the origin images are loaded from), or None
    without a bucket."""
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return None
    endpoint_url = environ.get("MEDIA_S3_ENDPOINT_URL", "")
    custom_domain = environ.get("MEDIA_S3_CUSTOM_DOMAIN", "")
    documents_bucket = environ.get("MEDIA_S3_DOCUMENTS_BUCKET", "")
    if custom_domain and documents_bucket in ("", bucket):
        raise ImproperlyConfigured(
            "MEDIA_S3_CUSTOM_DOMAIN makes the media bucket public: set "
            "MEDIA_S3_DOCUMENTS_BUCKET to another, private bucket for the documents."
        )
    options = {
        "endpoint_url": endpoint_url or None,
        "region_name": environ.get("MEDIA_S3_REGION") or None,
        "file_overwrite": False,
    }
    media = {
        **options,
        "bucket_name": bucket,
        "custom_domain": custom_domain or None,
        "default_acl": None,  # the bucket's policy decides; private by default
        # Without a public domain, image URLs are signed and expire.
        "querystring_auth": not custom_domain,
    }
    documents = {
        **options,
        "bucket_name": documents_bucket or bucket,
        "default_acl": "private",
        "querystring_auth": True,
    }
    storages = {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": media},
        "documents": {"BACKEND": S3_BACKEND, "OPTIONS": documents},
    }
    # Images are then loaded from the bucket: the public CSP must allow its origin.
    origin = (
        f"https://{custom_domain}"
        if custom_domain
        else endpoint_url or f"https://{bucket}.s3.amazonaws.com"
    )
    return storages, origin
