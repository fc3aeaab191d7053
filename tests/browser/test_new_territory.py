"""A new territory built in the admin alone, as a communication officer would.

An administrator creates the site with « Nouveau site CLS » and gives an editor an
account; the editor, in the French page editor, completes and publishes the contract,
adds an axis, a document and two action sheets; visitors then read them. The journey
counts what it costs people (admin page loads, fields filled, clicks) and prints it:
the figures the README and the issue quote.
"""

import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field

from playwright.sync_api import expect

from home.demo.pdf import make_pdf
from home.typography import french_typography

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from .test_accessibility import axe_violations

HOST = "auge.localhost"
SITE_NAME = "CLS du Pays d'Auge (exemple)"
ORGANISATION = "Communauté d'agglomération Lisieux Normandie"
CONTRACT = "Contrat local de santé du Pays d'Auge (exemple)"
AXIS = "Axe 1 – Prévenir et promouvoir la santé (exemple)"
DOCUMENT = "Diagnostic local de santé du Pays d'Auge (exemple)"
ACTIONS = [
    ("1.1", "Bien manger au collège (exemple)", "Des ateliers cuisine avec les familles."),
    ("1.2", "Dépister le diabète au marché (exemple)", "Une journée de dépistage par an."),
]
EDITOR, EDITOR_PASSWORD = "camille-auge", "auge-redaction-2026"


@dataclass
class Costs:
    loads: int = 0
    fields: int = 0
    clicks: int = 0


@dataclass
class Journey:
    """Drives the admin as a person does and counts their effort: each admin page the
    browser loads, each field typed, ticked, chosen or uploaded, each click."""

    page: object = None
    steps: dict = field(default_factory=dict)
    current: str = ""

    def use(self, page):
        """Go on in this tab (another person's browser)."""
        self.page = page
        page.on("load", self.count_load)

    def step(self, name):
        self.settle()
        self.current = name
        self.steps.setdefault(name, Costs())
        return self

    def settle(self):
        """Wait for the page on screen to finish loading, so its load counts in its step."""
        if self.page and not self.page.is_closed():
            self.page.wait_for_load_state()

    def count_load(self, page):
        if urllib.parse.urlsplit(page.url).path.startswith("/admin/"):
            self.steps[self.current].loads += 1

    def goto(self, url):
        """A URL typed or bookmarked: the login page, say."""
        self.page.goto(url)

    def fill(self, locator, value):
        locator.fill(value)
        self.steps[self.current].fields += 1

    def choose(self, locator, label):
        locator.select_option(label=label)
        self.steps[self.current].fields += 1

    def tick(self, locator):
        locator.check()
        self.steps[self.current].fields += 1

    def upload(self, locator, path):
        locator.set_input_files(path)
        self.steps[self.current].fields += 1

    def click(self, locator):
        locator.click()
        self.steps[self.current].clicks += 1

    def textbox(self, name, **kwargs):
        return self.page.get_by_role("textbox", name=name, **kwargs)

    def button(self, name, **kwargs):
        return self.page.get_by_role("button", name=name, **kwargs)

    def link(self, name, **kwargs):
        return self.page.get_by_role("link", name=name, **kwargs)

    def log_in(self, base_url, username, password):
        self.goto(f"{base_url}/admin/login/")
        self.fill(self.page.locator("input[name=username]"), username)
        self.fill(self.page.locator("input[name=password]"), password)
        self.click(self.button("S'identifier"))
        self.page.wait_for_url("**/admin/")

    def publish(self):
        self.click(self.button("Plus d'actions"))
        self.click(self.button("Publier"))
        expect(self.page.locator(".messages")).to_contain_text("publiée")

    def total(self, names=None):
        chosen = [costs for name, costs in self.steps.items() if names is None or name in names]
        return Costs(
            *(sum(getattr(c, attr) for c in chosen) for attr in ("loads", "fields", "clicks"))
        )

    def report(self):
        lines = [f"{'étape':<40} {'pages':>6} {'champs':>7} {'clics':>6}"]
        for name, costs in [*self.steps.items(), ("total", self.total())]:
            lines.append(f"{name:<40} {costs.loads:>6} {costs.fields:>7} {costs.clicks:>6}")
        return "\n".join(lines)


def create_site(journey, base_url):
    """The administrator's part: the wizard, then the editor's account."""
    page = journey.step("administrateur : connexion").page
    journey.log_in(base_url, ADMIN_USERNAME, ADMIN_PASSWORD)
    journey.step("administrateur : Nouveau site CLS")
    journey.click(journey.button("Paramètres"))
    journey.click(journey.link("Nouveau site CLS"))
    journey.fill(journey.textbox("Nom du site"), SITE_NAME)
    journey.fill(
        journey.textbox("Structure porteuse"), "Communauté d'agglomération Lisieux Normandie"
    )
    journey.fill(journey.textbox("Nom d'hôte"), HOST)
    journey.fill(page.get_by_label("Communes du territoire"), "lisieux")
    journey.click(journey.button("Ajouter l'intercommunalité CA Lisieux Normandie (53 communes)"))
    expect(page.locator(".communes-picker__summary")).to_have_text("Communes cochées : 53")
    journey.fill(journey.textbox("Adresse électronique de la mission santé"), "sante@example.org")
    journey.click(journey.button("Créer le site"))
    expect(page.locator(".messages")).to_contain_text(f"Le site « {SITE_NAME} » est créé")

    journey.step("administrateur : compte de l'éditeur")
    journey.click(journey.button("Paramètres"))
    journey.click(journey.link("Utilisateurs"))
    journey.click(journey.link("Ajouter un utilisateur"))
    for name, value in [
        ("username", EDITOR),
        ("email", "camille.auge@example.org"),
        ("first_name", "Camille"),
        ("last_name", "Exemple"),
        ("password1", EDITOR_PASSWORD),
        ("password2", EDITOR_PASSWORD),
    ]:
        journey.fill(page.locator(f"#id_{name}"), value)
    journey.click(page.get_by_role("tab", name="Rôles").first)
    journey.tick(page.get_by_label(f"Modérateurs {SITE_NAME}"))
    journey.click(journey.button("Créer"))
    expect(page.locator(".messages")).to_contain_text(f"Utilisateur « {EDITOR} » créé")


def write_content(journey, base_url, pdf_path):
    """The editor's part, on the new site's own admin: a document, the contract, an axis
    and two action sheets, each linking the document."""
    page = journey.step("éditeur : connexion").page
    journey.log_in(base_url, EDITOR, EDITOR_PASSWORD)

    journey.step("éditeur : document")
    journey.click(journey.link("Documents", exact=True))
    journey.click(journey.link("Ajouter un document"))
    journey.upload(page.locator("#fileupload"), pdf_path)
    journey.fill(journey.textbox("Titre"), DOCUMENT)
    journey.fill(journey.textbox("Date du document"), "15/03/2024")
    journey.choose(page.get_by_role("combobox", name="Type de document"), "Diagnostic")
    journey.click(journey.button("Mettre à jour"))
    expect(page.locator(".status-msg.success")).to_be_visible()

    journey.step("éditeur : contrat")
    journey.click(journey.link("Tableau de bord"))
    journey.click(journey.link(SITE_NAME).first)  # the dashboard's link to the site's pages
    journey.click(journey.link("Le contrat local de santé", exact=True))
    journey.fill(journey.textbox("Titre"), CONTRACT)
    journey.fill(journey.textbox("Génération"), "CLS 1")
    journey.choose(page.get_by_role("combobox", name="État"), "En cours")
    journey.fill(journey.textbox("Début"), "01/01/2025")
    journey.fill(journey.textbox("Fin", exact=True), "31/12/2029")
    journey.fill(journey.textbox("Résumé"), "Exemple : la prévention au plus près des habitants.")
    journey.publish()

    journey.step("éditeur : axe")
    journey.click(journey.link(f"Ajouter une sous-page à « {CONTRACT} »"))
    journey.click(journey.link("Axe stratégique", exact=True))
    journey.fill(journey.textbox("Titre"), AXIS)
    journey.fill(page.get_by_role("spinbutton", name="Numéro"), "1")
    journey.publish()

    for number, (code, title, summary) in enumerate(ACTIONS):
        journey.step(f"éditeur : fiche action {code}")
        if number == 0:  # from the contract's children, where publishing the axis led
            journey.click(journey.link(f"Ajouter une sous-page à « {AXIS} »"))
        else:  # from the axis's children, where publishing the first action led
            journey.click(journey.link("Ajouter une sous-page", exact=True))
        page.wait_for_url("**/add/cls/actionpage/**")  # an axis has one child type: no choice
        journey.fill(journey.textbox("Titre"), title)
        journey.fill(journey.textbox("Code", exact=True), code)
        journey.choose(page.get_by_role("combobox", name="État"), "En cours")
        journey.fill(journey.textbox("Résumé"), summary)
        journey.click(journey.button("Ajouter un(e) Document"))
        journey.click(journey.button("Choisir un document").last)
        journey.click(page.locator(".modal").get_by_role("link", name=DOCUMENT))
        expect(page.locator(".modal")).to_be_hidden()
        journey.publish()


def check_public_pages(page, base_url):
    """What visitors of the new host see, following its links: every page answers,
    shows what the editor wrote, and axe finds nothing; the document downloads."""

    def visit(expected_texts):
        assert page.evaluate("document.readyState") == "complete"
        body = page.locator("body").inner_text()
        for text in expected_texts:
            assert french_typography(text) in body, (page.url, text)
        assert axe_violations(page) == [], page.url

    for path, texts in [
        ("/contact/", ["J'accepte que ces informations servent à répondre à ma demande"]),
        ("/mentions-legales/", [ORGANISATION]),
        ("/", [SITE_NAME, CONTRACT]),
    ]:
        assert page.goto(base_url + path).status == 200, path
        visit(texts)
    page.get_by_role("link", name=french_typography(CONTRACT)).first.click()
    visit([CONTRACT, "CLS 1", AXIS, "53 communes"])
    page.get_by_role("link", name=AXIS).first.click()
    visit([AXIS, *(title for _code, title, _summary in ACTIONS)])
    page.get_by_role("link", name=ACTIONS[0][1]).first.click()
    visit([ACTIONS[0][1], ACTIONS[0][2], DOCUMENT])
    file_url = page.get_by_role("link", name=french_typography(DOCUMENT)).first.get_attribute(
        "href"
    )
    download = "url => fetch(url).then(r => [r.status, r.headers.get('content-type')])"
    assert page.evaluate(download, file_url) == [200, "application/pdf"]


@contextmanager
def own_browser(browser, journey):
    """Another person, in a browser of their own; the journey goes on counting."""
    context = browser.new_context(locale="fr-FR")
    journey.use(context.new_page())
    yield
    journey.settle()
    context.close()


def test_a_new_territory_is_built_in_the_admin_alone(demo_server, browser, tmp_path):
    port = urllib.parse.urlsplit(demo_server["aude"]).port
    new_site = f"http://{HOST}:{port}"
    pdf_path = tmp_path / "diagnostic-pays-d-auge.pdf"
    pdf_path.write_bytes(make_pdf(DOCUMENT, ["Les constats du diagnostic (exemple)."]))
    journey = Journey()

    with own_browser(browser, journey):
        create_site(journey, demo_server["aude"])
    with own_browser(browser, journey):
        write_content(journey, new_site, pdf_path)
    visitor = browser.new_context(locale="fr-FR")
    check_public_pages(visitor.new_page(), new_site)
    visitor.close()

    print("\n" + journey.report())
    steps = journey.steps
    # The previous trial's size (3 axes, 3 PDFs, 9 actions), from the costs measured here.
    scaled = [
        journey.total(["administrateur : connexion", "administrateur : Nouveau site CLS"]),
        journey.total(["administrateur : compte de l'éditeur", "éditeur : connexion"]),
        steps["éditeur : contrat"],
        *[steps["éditeur : axe"]] * 3,
        *[steps["éditeur : document"]] * 3,
        *[steps[f"éditeur : fiche action {ACTIONS[1][0]}"]] * 9,
    ]
    print(
        "à la taille de l'essai précédent (3 axes, 3 PDF, 9 fiches) : "
        f"{sum(c.loads for c in scaled)} pages, {sum(c.fields for c in scaled)} champs, "
        f"{sum(c.clicks for c in scaled)} clics"
    )
    # The whole site in one form: the form, then the new site's pages.
    assert steps["administrateur : Nouveau site CLS"] == Costs(loads=2, fields=5, clicks=4)
