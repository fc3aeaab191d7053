"""Production settings plus what the page bench measures with: a query counter and a
minimal Django view as the reference (bench/urls.py). Never used to serve a site."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.query_count.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
