"""The admin in a real browser: nothing fetched from another host, dates typed the French way."""

import urllib.parse

import pytest

ACTION = "Dépistages diabète"
ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/account/",
    "/admin/users/",
    "/admin/snippets/cls/organisation/",
    "/admin/snippets/contacts/contactcard/",
    "/admin/documents/",
]


def open_action_editor(page, base_url):
    page.goto(f"{base_url}/admin/pages/search/?q={urllib.parse.quote(ACTION)}")
    page.get_by_role("link", name=ACTION, exact=True).first.click()
    page.wait_for_url("**/edit/")


def test_the_admin_requests_nothing_from_another_host(demo_server, admin_page):
    base_url = demo_server["aude"]
    own_host = urllib.parse.urlsplit(base_url).netloc
    requested = []
    admin_page.on("request", lambda request: requested.append(request.url))
    for path in ADMIN_PATHS:
        admin_page.goto(base_url + path, wait_until="networkidle")
    open_action_editor(admin_page, base_url)
    admin_page.wait_for_load_state("networkidle")

    assert len(requested) > 50  # pages, stylesheets, scripts, icons…
    foreign = [
        url
        for url in requested
        if urllib.parse.urlsplit(url).scheme in ("http", "https")
        and urllib.parse.urlsplit(url).netloc != own_host
    ]
    assert not foreign  # gravatar.com avatars, for one, before WAGTAIL_GRAVATAR_PROVIDER_URL


@pytest.mark.parametrize("typed", ["04/07/2023", "2023-07-04", "31/02/2023"])
def test_the_date_picker_keeps_what_the_editor_typed(demo_server, admin_page, typed):
    open_action_editor(admin_page, demo_server["aude"])
    start = admin_page.locator("#id_start_date")
    start.click()
    start.press_sequentially(typed)
    admin_page.keyboard.press("Tab")  # the picker used to put today's date here
    assert start.input_value() == typed


def test_a_wrong_date_is_reported_in_french(demo_server, admin_page):
    open_action_editor(admin_page, demo_server["aude"])
    admin_page.locator("#id_start_date").fill("31/02/2023")
    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()
    admin_page.wait_for_load_state()
    assert "Saisissez une date valide." in admin_page.locator("main").inner_text()
