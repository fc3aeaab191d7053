"""RGAA by construction, checked in a real browser on every demo page."""

import subprocess
from pathlib import Path

import pytest

from .pages import all_demo_urls, fetch

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
MAX_ASSET_BYTES = 60 * 1024


def axe_violations(page, selector=None):
    """axe's findings on the page, or on the part of it that `selector` picks."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([selector, tags]) => "
        "axe.run(selector || document, {runOnly: {type: 'tag', values: tags}})",
        [selector, AXE_TAGS],
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def test_axe_reports_a_deliberately_broken_page(page):
    page.set_content(
        """<!DOCTYPE html><html lang="fr"><head><title>Cassée</title></head><body>
        <main><h1>Titre</h1><h3>Niveau sauté</h3>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <p style="color:#bbb;background:#fff">Texte trop pâle</p></main></body></html>"""
    )
    reported = " ".join(axe_violations(page))
    for rule in ("image-alt", "heading-order", "color-contrast"):
        assert rule in reported


def test_every_demo_page_passes_axe(demo_server, page):
    urls = all_demo_urls(demo_server)
    assert len(urls) > 40  # both sites, French and English
    failures = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert not failures, failures


def test_every_demo_page_fits_a_320px_screen(demo_server, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for url in all_demo_urls(demo_server):
        page.goto(url)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            too_wide.append(url)
    context.close()
    assert not too_wide


def test_keyboard_focus_is_visible_in_the_header(demo_server, page):
    page.goto(demo_server["aude"] + "/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first == "Aller au contenu"
    for _ in range(6):
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth]; }"
        )
        assert style[0] != "none" and style[1] != "0px", style
        page.keyboard.press("Tab")


def test_pages_stay_light_and_on_one_host(demo_server, page):
    report = []
    for url in all_demo_urls(demo_server):
        base_host = url.split("/")[2]
        assets = []

        def record(response, assets=assets):
            assets.append(response)

        page.on("response", record)
        # Chromium fetches the favicon after the load event: waiting for the
        # network to go quiet keeps it with its own page, not the next one.
        page.goto(url, wait_until="networkidle")
        page.remove_listener("response", record)
        foreign = [asset.url for asset in assets if asset.url.split("/")[2] != base_host]
        assert not foreign, (url, foreign)
        weight = sum(
            len(asset.body())
            for asset in assets
            if asset.request.resource_type in ("stylesheet", "script", "font")
        )
        report.append((weight, url))
        assert weight <= MAX_ASSET_BYTES, (url, weight)
    heaviest = max(report)
    print(f"\nCSS+JS+fonts: heaviest page {heaviest[0]} bytes ({heaviest[1]})")


def test_pages_work_without_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url in all_demo_urls(demo_server):
        page.goto(url)
        assert page.locator("main h1").count() == 1, url
    context.close()


def test_every_demo_page_is_valid_html(demo_server, tmp_path):
    files = []
    for number, url in enumerate(all_demo_urls(demo_server)):
        path = tmp_path / f"page-{number}.html"
        path.write_text(fetch(url), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:5000]


@pytest.mark.parametrize("site", ["aude", "ruffecois"])
def test_visitor_sends_a_message_and_reads_the_confirmation(demo_server, page, site):
    page.goto(demo_server[site] + "/contact/")
    page.get_by_label("Votre nom").fill("Camille Exemple")
    page.get_by_label("Votre adresse électronique").fill("camille@example.org")
    page.get_by_label("Objet").select_option(index=1)
    message = page.locator("textarea").and_(page.get_by_label("Votre message"))
    message.fill("Quand aura lieu le prochain dépistage ?")
    page.get_by_label("J’accepte que ces informations servent à répondre à ma demande").check()
    page.wait_for_timeout(3500)  # the form refuses messages sent faster than a person types
    page.get_by_role("button", name="Envoyer").click()
    assert "votre message a bien été reçu" in page.locator("main").inner_text()
