"""Where media files live in production, from the environment.

Local disk under MEDIA_ROOT by default; S3-compatible object storage (django-storages,
pip install ".[s3]") when MEDIA_S3_BUCKET is set, with credentials in
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Documents are still served through Django
(WAGTAILDOCS_SERVE_METHOD), so their privacy checks and headers keep applying.
"""


def object_storage(environ):
    """(the default storage, the origin images are loaded from), or None without a bucket."""
    bucket = environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return None
    endpoint_url = environ.get("MEDIA_S3_ENDPOINT_URL", "")
    custom_domain = environ.get("MEDIA_S3_CUSTOM_DOMAIN", "")
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": custom_domain or None,
            "default_acl": None,  # the bucket's policy decides; private by default
            # Without a public domain, image URLs are signed and expire.
            "querystring_auth": not custom_domain,
            "file_overwrite": False,
        },
    }
    # Images are then loaded from the bucket: the public CSP must allow its origin.
    origin = (
        f"https://{custom_domain}"
        if custom_domain
        else endpoint_url or f"https://{bucket}.s3.amazonaws.com"
    )
    return storage, origin
