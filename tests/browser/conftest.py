"""A real server with the demo content, and a real browser (Debian's Chromium) to visit it.

The server runs in its own process on a throwaway SQLite database and media folder,
built by `load_demo` exactly as `make run` does (demo_server.py).
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .demo_server import CHROMIUM, CHROMIUM_ARGS, demo_environment, log_in, serve_demo

# An administrator of the throwaway demo database, for the admin's tests.
ADMIN_USERNAME, ADMIN_PASSWORD = "navigateur", "mot-de-passe-de-test"


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """The environment of the demo server's commands: its own database and media folder."""
    return demo_environment(tmp_path_factory.mktemp("demo-site"), ADMIN_PASSWORD)


@pytest.fixture(scope="session")
def demo_server(demo_env):
    """Base URLs of both demo sites, served by `manage.py runserver`."""
    with serve_demo(demo_env, ADMIN_USERNAME) as base_urls:
        yield base_urls


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
    log_in(page, demo_server["aude"], ADMIN_USERNAME, ADMIN_PASSWORD)
    return page
