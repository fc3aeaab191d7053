"""Phone first: a compact header whose menu works without JavaScript, tracker cards."""

import pytest


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_menu_folds_on_a_phone_and_opens_without_javascript(demo_server, phone):
    phone.goto(demo_server["aude"] + "/")
    menu_link = phone.locator(".main-nav__list a").first
    assert not menu_link.is_visible()
    phone.get_by_text("Menu", exact=True).click()
    assert menu_link.is_visible()
    menu_link.click()
    assert phone.locator("main h1").count() == 1


def test_the_menu_is_open_on_a_wide_screen(demo_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo_server["ruffecois"] + "/")
    assert not page.get_by_text("Menu", exact=True).is_visible()
    assert page.locator(".main-nav__list a").first.is_visible()


def test_the_tracker_is_a_list_of_cards_on_a_phone(demo_server, phone):
    phone.goto(demo_server["aude"] + "/cls-2/suivi/")
    first_row = phone.locator(".tracker-table tbody tr").first
    assert first_row.evaluate("row => getComputedStyle(row).display") == "block"
    assert phone.locator(".tracker-table thead").bounding_box()["height"] <= 1
    # Each cell names its column, since the header row is out of sight.
    state = first_row.locator("td[data-label]").nth(1)
    label = state.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label.startswith('"État')
    assert first_row.bounding_box()["width"] <= 320
