"""A backup restored into an empty database serves the same pages (PostgreSQL only)."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from .conftest import AUDE_HOST, RUFFECOIS_HOST
from .production_servers import database_url, empty_postgres_database, postgres_only

ROOT = Path(__file__).resolve().parent.parent
PAGES = [(AUDE_HOST, "/"), (RUFFECOIS_HOST, "/"), (AUDE_HOST, "/en/")]

pytestmark = postgres_only("pg_dump and pg_restore")

# Renders PAGES with the Django test client; prints what a visitor sees of each.
RENDER_PAGES = """
import django, json, sys
django.setup()
from django.test import Client
pages = json.loads(sys.argv[1])
print(json.dumps([Client(HTTP_HOST=host).get(path).content.decode() for host, path in pages]))
"""


def run(command, **env):
    return subprocess.run(  # noqa: S603 (the project's own scripts)
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


# A rendition the restored site makes again, beside the restored file of the same name,
# gets a random suffix from the storage: logo.height-96.svg, logo_N46Gkgb.height-96.svg.
RENDITION_SUFFIX = re.compile(r"^(/media/images/[^/]+?)_[A-Za-z0-9]{7}(\.[^/]+)$")


def visible(html):
    """Title, main heading and links: what must be identical after a restore."""
    links = re.findall(r'href="([^"]+)"', html)
    return (
        re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip(),
        re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip(),
        sorted({RENDITION_SUFFIX.sub(r"\1\2", link) for link in links}),
    )


@pytest.fixture
def empty_database():
    with empty_postgres_database(connection.settings_dict["NAME"] + "_restored") as url:
        yield url


def test_a_restored_backup_serves_the_same_pages(empty_database, tmp_path, client):
    media, documents = tmp_path / "media", tmp_path / "private-documents"
    shutil.copytree(settings.MEDIA_ROOT, media)  # the demo's images, which pages show
    (media / "images").mkdir(parents=True, exist_ok=True)
    (media / "images" / "logo.png").write_bytes(b"\x89PNG logo")
    (documents / "documents").mkdir(parents=True)
    (documents / "documents" / "contrat.pdf").write_bytes(b"%PDF-1.4 contrat")

    backup = run(
        ["scripts/backup.sh", str(tmp_path / "backups")],
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(media),
        DOCUMENTS_ROOT=str(documents),
    )
    assert backup.returncode == 0, backup.stderr
    backup_dir = backup.stdout.strip()

    restored_media, restored_documents = tmp_path / "restored-media", tmp_path / "restored-docs"
    restore = run(
        ["scripts/restore.sh", backup_dir],
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(restored_media),
        DOCUMENTS_ROOT=str(restored_documents),
    )
    assert restore.returncode == 0, restore.stderr
    assert (restored_media / "images" / "logo.png").read_bytes() == b"\x89PNG logo"
    contract = restored_documents / "documents" / "contrat.pdf"
    assert contract.read_bytes() == b"%PDF-1.4 contrat"

    again = run(["scripts/restore.sh", backup_dir], DATABASE_URL=empty_database)
    assert again.returncode == 1
    assert "already holds" in again.stderr

    rendered = run(
        [sys.executable, "-c", RENDER_PAGES, json.dumps(PAGES)],
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=empty_database,
        RESTORED_MEDIA_ROOT=str(restored_media),
    )
    assert rendered.returncode == 0, rendered.stderr
    restored_pages = json.loads(rendered.stdout)
    for (host, path), restored_html in zip(PAGES, restored_pages, strict=True):
        original_html = client.get(path, HTTP_HOST=host).content.decode()
        assert visible(restored_html) == visible(original_html), (host, path)
