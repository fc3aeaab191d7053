"""Production settings plus what the page bench measures with: a query counter and a
minimal Django view as the reference (bench/urls.py), which the page cache neither serves
nor looks up. Never used to serve a site."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.query_count.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
PAGE_CACHE_SKIPPED_PATHS = (*PAGE_CACHE_SKIPPED_PATHS, "/bench/minimal/")  # noqa: F405
