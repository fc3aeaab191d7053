"""The demo sites served from a throwaway database, for a real browser (Debian's Chromium).

Used by the browser suite (conftest.py) and by the editor guide's screenshots
(guide_screenshots.py). The server runs in its own process on its own SQLite database
and media folder, built by `load_demo` exactly as `make run` does.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these flags Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTS = {"aude": "localhost", "ruffecois": "ruffecois.localhost"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The demo server stopped (exit code {process.returncode}).")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The demo server did not answer on {url} within {timeout} s.")


def demo_environment(workdir, admin_password):
    """The environment of the demo server's commands: its own database and media folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DOCUMENTS_ROOT": str(workdir / "documents"),
        "DJANGO_SUPERUSER_PASSWORD": admin_password,
    }


def manage(env, *command):
    """Run a management command against the demo server's database; its output."""
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return result.stdout.decode()


@contextmanager
def serve_demo(env, admin_username):
    """Base URLs of both demo sites, served by `manage.py runserver` until the block ends.

    The database gets the demo content and an administrator whose password is the
    environment's DJANGO_SUPERUSER_PASSWORD.
    """
    workdir = Path(env["MEDIA_ROOT"]).parent
    admin = ["createsuperuser", "--no-input", "--username", admin_username]
    for command in (["migrate", "--no-input"], ["load_demo"], [*admin, "--email", "n@example.org"]):
        manage(env, *command)
    port = free_port()
    with open(workdir / "server.log", "w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", server)
            yield {site: f"http://{host}:{port}" for site, host in HOSTS.items()}
        finally:
            server.terminate()
            server.wait(timeout=10)


def log_in(page, base_url, username, password):
    """Sign a browser tab in to the admin."""
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
