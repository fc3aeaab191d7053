"""The screenshots of the editor guide and the README, taken from the demo in a real browser.

    .venv/bin/python -m tests.browser.guide_screenshots docs/images    (make guide-screenshots)

Builds the demo in a throwaway database (demo_server.py), signs in to the admin and
saves each screen of SCREENS as a PNG 1024 pixels wide, reduced to a palette of colours
(a screen of the admin weighs 30 to 80 KB). Run it again after a change to the admin or
to the templates, so that the docs show what editors see. Nothing is changed in the
demo but one message sent through the contact form (the messages screen shows it).
"""

import io
import sys
import tempfile
import urllib.parse
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from .demo_server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_environment, log_in, serve_demo

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1024, 768
COLOURS = 128  # enough for the admin's and the site's flat colours and anti-aliased text

AUDE_HOME = "CLS 2 Moyenne et Haute Vallée de l'Aude"
AUDE_CONTRACT = "Contrat Local de Santé 2"
AUDE_AXIS = "Prévention et promotion de la santé"
AUDE_ACTION = "Dépistages diabète"
AUDE_CONTACT = "Contacter la mission santé"
RUFFECOIS_CONTRACT = "Contrat Local de Santé du Pays du Ruffécois"
RUFFECOIS_MINUTES = "Comptes-rendus des groupes de travail"


def save(page, path, clip_height=HEIGHT):
    """The visible part of the page, at most clip_height high, as a small palette PNG."""
    shot = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": clip_height})
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def page_id(page, base_url, title, parent=None):
    """The id of the page with this exact title (under `parent`, when titles repeat)."""
    page.goto(f"{base_url}/admin/pages/search/?q={urllib.parse.quote(title)}")
    rows = page.locator("tr", has=page.get_by_role("link", name=title, exact=True))
    if parent is not None:
        rows = rows.filter(has_text=parent)
    href = rows.first.get_by_role("link", name=title, exact=True).get_attribute("href")
    return href.strip("/").split("/")[-2]  # /admin/pages/<id>/edit/


def open_editor(page, base_url, title):
    page.goto(f"{base_url}/admin/pages/{page_id(page, base_url, title)}/edit/")
    page.wait_for_load_state("networkidle")


def send_contact_message(page, base_url):
    """A visitor's message through the public form, as the browser suite sends one."""
    page.goto(base_url + "/contact/")
    page.get_by_label("Votre nom").fill("Camille Exemple")
    page.get_by_label("Votre adresse électronique").fill("camille@example.org")
    page.get_by_label("Objet").select_option(index=1)
    message = page.locator("textarea").and_(page.get_by_label("Votre message"))
    message.fill("Bonjour, où aura lieu le prochain dépistage du diabète ? Merci.")
    page.wait_for_timeout(3500)  # the form refuses messages sent faster than a person types
    page.get_by_role("button", name="Envoyer").click()
    page.wait_for_load_state()


def public_screens(page, urls, out):
    page.goto(urls["aude"] + "/")
    save(page, out / "site-accueil.png")
    page.goto(urls["aude"] + "/cls-2/axe-2/depistages-diabete/")
    save(page, out / "site-fiche-action.png")


def admin_screens(page, urls, out):
    aude = urls["aude"]
    page.goto(f"{aude}/admin/pages/{page_id(page, aude, AUDE_HOME)}/?ordering=title")
    save(page, out / "admin-arborescence.png", clip_height=640)
    contract = page_id(page, aude, AUDE_CONTRACT, parent=AUDE_HOME)
    page.goto(f"{aude}/admin/pages/{contract}/add_subpage/")
    save(page, out / "admin-ajouter-sous-page.png", clip_height=520)
    for title, name in (
        (AUDE_CONTRACT, "admin-contrat.png"),
        (AUDE_AXIS, "admin-axe.png"),
        (AUDE_ACTION, "admin-fiche-action.png"),
        (RUFFECOIS_MINUTES, "admin-liste-documents.png"),
        (AUDE_CONTACT, "admin-page-contact.png"),
    ):
        open_editor(page, aude, title)
        save(page, out / name)
    ruffecois_contract = page_id(page, aude, RUFFECOIS_CONTRACT)
    page.goto(f"{aude}/admin/localize/submit/page/{ruffecois_contract}/")
    save(page, out / "admin-traduire.png", clip_height=480)
    contact = page_id(page, aude, AUDE_CONTACT, parent=AUDE_HOME)
    page.goto(f"{aude}/admin/forms/submissions/{contact}/")
    save(page, out / "admin-messages.png", clip_height=520)


def capture(browser, urls, credentials, out):
    """Every screenshot, into the folder `out`; urls are the demo sites' base URLs."""
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="fr-FR", viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page = context.new_page()
        public_screens(page, urls, out)
        send_contact_message(page, urls["aude"])
        log_in(page, urls["aude"], *credentials)
        admin_screens(page, urls, out)
    finally:
        context.close()


def main(out):
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is required at {CHROMIUM}: apt-get install -y chromium")
    credentials = ("redaction", "mot-de-passe-des-captures")
    with tempfile.TemporaryDirectory(prefix="guide-screenshots-") as workdir:
        env = demo_environment(Path(workdir), credentials[1])
        with serve_demo(env, credentials[0]) as urls, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            capture(browser, urls, credentials, out)
            browser.close()
    for image in sorted(out.glob("*.png")):
        print(f"{image} {image.stat().st_size // 1024} Ko")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGES)
