"""A real server with the demo content, and a real browser (Debian's Chromium) to visit it.

The server runs in its own process on a throwaway SQLite database and media folder,
built by `load_demo` exactly as `make run` does.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

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
# An administrator of the throwaway demo database, for the admin's tests.
ADMIN_USERNAME, ADMIN_PASSWORD = "navigateur", "mot-de-passe-de-test"


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


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """The environment of the demo server's commands: its own database and media folder."""
    workdir = tmp_path_factory.mktemp("demo-site")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DOCUMENTS_ROOT": str(workdir / "documents"),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }


def manage(env, *command):
    """Run a management command against the demo server's database; its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return result.stdout.decode()


@pytest.fixture(scope="session")
def demo_server(demo_env):
    """Base URLs of both demo sites, served by `manage.py runserver`."""
    workdir = Path(demo_env["MEDIA_ROOT"]).parent
    admin = ["createsuperuser", "--no-input", "--username", ADMIN_USERNAME]
    for command in (["migrate", "--no-input"], ["load_demo"], [*admin, "--email", "n@example.org"]):
        manage(demo_env, *command)
    port = free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=demo_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        yield {site: f"http://{host}:{port}" for site, host in HOSTS.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is required at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def admin_page(demo_server, page):
    """A browser tab logged in to the admin of the demo server."""
    page.goto(demo_server["aude"] + "/admin/login/")
    page.fill("input[name=username]", ADMIN_USERNAME)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page
