"""An editor chooses a contract's communes among 35,000 with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from .demo_server import manage
from .test_accessibility import axe_violations

USERNAME, PASSWORD = "clavier", "clavier-communes-2026"


@pytest.fixture(scope="module")
def contract_edit_url(demo_server, demo_env):
    """The edit form of the Ruffécois contract, for an administrator created for the test."""
    env = {**demo_env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}
    manage(env, "createsuperuser", "--no-input", "--username", USERNAME, "--email", "c@example.org")
    contract_id = manage(
        demo_env,
        "shell",
        "-c",
        "from cls.models import ContractPage; "
        "print(ContractPage.objects.get(slug='cls', locale__language_code='fr').pk)",
    ).split()[-1]
    return f"{demo_server['ruffecois']}/admin/pages/{contract_id}/edit/"


def log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.locator('input[name="username"]').fill(USERNAME)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/admin/")


def test_an_editor_adds_an_epci_and_unticks_a_commune_with_the_keyboard(
    demo_server, page, contract_edit_url
):
    log_in(page, demo_server["ruffecois"])
    page.goto(contract_edit_url)
    summary = page.locator(".communes-picker__summary")
    expect(summary).to_have_text("Communes cochées : 80")
    assert axe_violations(page, ".communes-picker") == []

    page.get_by_label("Communes couvertes").focus()  # the field's label names the search box
    page.keyboard.type("pyrenees aud")
    add = page.get_by_role(
        "button", name="Ajouter l'intercommunalité CC Pyrénées audoises (61 communes)"
    )
    # The server's first search reads the national list of EPCIs: half a second on a quiet
    # machine, several on a busy one.
    expect(add).to_be_visible(timeout=20_000)
    page.keyboard.press("ArrowDown")
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    expect(summary).to_have_text("Communes cochées : 141")
    first = page.get_by_role("checkbox", name="Artigues 11017")  # the EPCI's first commune
    expect(first).to_be_focused()
    expect(first).to_be_checked()
    page.keyboard.press("Space")
    expect(first).not_to_be_checked()
    expect(summary).to_have_text("Communes cochées : 140")
    assert axe_violations(page, ".communes-picker") == []

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    expect(page.locator(".messages")).to_contain_text("publiée")
    public = page.context.new_page()
    public.goto(f"{demo_server['ruffecois']}/cls/")
    expect(public.locator("main")).to_contain_text("140 communes")
