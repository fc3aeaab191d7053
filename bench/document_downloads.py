"""Worker CPU per document download: Django streaming the file, or nginx sending it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cls \\
        .venv/bin/python -m bench.document_downloads --downloads 40 --size-mb 13.5

The database must hold the demo (`make demo` with the same DATABASE_URL, MEDIA_ROOT and
DOCUMENTS_ROOT). Adds a public document of --size-mb to the Ruffécois site (deleted at
the end), then runs gunicorn (one worker, production settings) behind nginx twice:
Django streams the file, then nginx sends it after Django's checks
(DOCUMENTS_X_ACCEL_PREFIX, config/document_sendfile.py). Prints, for --downloads
downloads through nginx, the worker's CPU time per download and the wall time.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.models import Site

from cls.models import SiteDocument
from home.site_groups import collection_for_site
from tests.production_servers import (
    TEST_REDIS_URL,
    Browser,
    Nginx,
    Server,
    collect_static,
    production_environment,
)

PREFIX = "/_documents/"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User and system CPU time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def worker_pid(server):
    master = server.process.pid
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def measure(environment, directory, url, downloads, size):
    server = Server(environment)
    nginx = None
    try:
        server.wait_until_healthy()
        nginx = Nginx(server, directory, settings.DOCUMENTS_ROOT, PREFIX)
        nginx.wait_until_healthy()
        worker = worker_pid(server)
        cpu_before, started = cpu_seconds(worker), time.monotonic()
        for _ in range(downloads):
            download = Browser(nginx).get(url)
            if download.status != 200 or len(download.body) != size:
                raise RuntimeError(f"download failed: {download.status}, {len(download.body)} B")
        wall = time.monotonic() - started
        return (cpu_seconds(worker) - cpu_before) / downloads, wall / downloads
    finally:
        if nginx is not None:
            nginx.stop()
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--downloads", type=int, default=40)
    parser.add_argument("--size-mb", type=float, default=13.5, help="the document's size")
    options = parser.parse_args()

    size = int(options.size_mb * 1024 * 1024)
    ruffecois = Site.objects.get(hostname="ruffecois.localhost")
    document = SiteDocument.objects.create(
        title="Banc d'essai : téléchargements",
        file=ContentFile(b"%PDF-1.4\n" + os.urandom(size - 9), name="banc-telechargements.pdf"),
        collection=collection_for_site(ruffecois),
    )
    try:
        with tempfile.TemporaryDirectory() as directory:
            static_root = Path(directory) / "static"
            environment = production_environment(
                os.environ["DATABASE_URL"], static_root, os.environ.get("REDIS_URL", TEST_REDIS_URL)
            )
            environment.update(
                MEDIA_ROOT=str(settings.MEDIA_ROOT), DOCUMENTS_ROOT=str(settings.DOCUMENTS_ROOT)
            )
            collect_static(environment)
            print(f"{options.downloads} downloads of {options.size_mb} MB through nginx")
            for label, extra in (
                ("Django streams the file", {}),
                ("nginx sends it (X-Accel-Redirect)", {"DOCUMENTS_X_ACCEL_PREFIX": PREFIX}),
            ):
                nginx_directory = Path(directory) / f"nginx-{len(extra)}"
                nginx_directory.mkdir()
                cpu, wall = measure(
                    {**environment, **extra},
                    nginx_directory,
                    document.url,
                    options.downloads,
                    size,
                )
                print(f"{label:36} worker CPU {cpu * 1000:7.1f} ms, wall {wall * 1000:7.1f} ms")
    finally:
        document.delete()


if __name__ == "__main__":
    main()
