"""A coordinator imports a whole contract's « fiches action » from a spreadsheet:
upload → preview → confirm, in Chromium, counting the page loads, fields and clicks."""

from playwright.sync_api import expect

from .demo_server import manage

FIND_CONTRACT = (
    "from wagtail.models import Site; from cls.models import AxisPage, ContractPage; "
    "root = Site.objects.get(hostname='localhost').root_page; "
    "print([c.pk for c in ContractPage.objects.descendant_of(root) "
    "if AxisPage.objects.child_of(c).count() == 5][0])"
)

FIND_ACTION = (
    "from cls.models import ActionPage; "
    "print(ActionPage.objects.get(code='5.2', locale__language_code='fr').get_url_parts()[2])"
)


class Effort:
    """What the editor does: pages loaded, fields filled, clicks."""

    def __init__(self, page):
        self.page, self.loads, self.fields, self.clicks = page, 0, 0, 0
        page.on("response", self.count_load)

    def count_load(self, response):
        """A page shown: an HTML document in the tab (not a redirect, not a download)."""
        request = response.request
        shown = request.is_navigation_request() and request.frame == self.page.main_frame
        html = response.headers.get("content-type", "").startswith("text/html")
        if shown and html and response.status < 300:
            self.loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def fill_file(self, locator, path):
        self.fields += 1
        self.clicks += 1  # the file dialog
        locator.set_input_files(path)

    def check(self, locator):
        self.fields += 1
        self.click(locator)


def test_a_coordinator_imports_26_actions_in_a_few_clicks(
    demo_server, demo_env, admin_page, tmp_path
):
    page = admin_page
    contract_id = manage(demo_env, "shell", "-c", FIND_CONTRACT).split()[-1]
    effort = Effort(page)
    page.goto(f"{demo_server['aude']}/admin/pages/{contract_id}/")
    effort.click(page.get_by_role("button", name="Actions"))
    effort.click(page.get_by_role("link", name="Importer des fiches action"))
    expect(page.get_by_role("heading", name="Importer des fiches action")).to_be_visible()

    # The coordinator's spreadsheet: the demo's filled example for this contract.
    with page.expect_download() as download:
        effort.click(page.get_by_role("link", name="Exemple rempli", exact=False))
    spreadsheet = tmp_path / "fiches-action.xlsx"
    download.value.save_as(spreadsheet)

    effort.fill_file(page.get_by_label("Tableur des fiches action"), spreadsheet)
    effort.click(page.get_by_role("button", name="Voir l'aperçu"))
    expect(page.locator("main")).to_contain_text(
        "23 fiche(s) à créer, 0 à modifier, 3 inchangée(s)."
    )
    expect(page.get_by_role("row", name="5.2 Point écoute jeunes Création")).to_be_visible()

    effort.check(page.get_by_label("Publiées tout de suite"))
    effort.click(page.get_by_role("button", name="Confirmer l'import"))
    expect(page.locator(".messages")).to_contain_text(
        "Import terminé : 23 fiche(s) créée(s), 0 modifiée(s)."
    )
    page.wait_for_load_state()
    print(
        f"\n26 actions: {effort.loads} page loads, {effort.fields} fields, {effort.clicks} clicks"
    )
    assert (effort.loads, effort.fields, effort.clicks) == (4, 2, 7)

    action_path = manage(demo_env, "shell", "-c", FIND_ACTION).split()[-1]
    visitor = page.context.new_page()
    visitor.goto(demo_server["aude"] + action_path)
    expect(visitor.locator("h1")).to_have_text("Point écoute jeunes")
    expect(visitor.locator("main")).to_contain_text("Exemple")
