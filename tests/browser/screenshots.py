"""Screenshots of every page type of both demo sites, at 1280 and 375 px, for review.

Not part of the suite (its name does not start with test_): `make screenshots` runs it
and writes PNG files to build/screenshots/ (SCREENSHOTS_DIR), which git ignores.
"""

import os
import urllib.parse
from pathlib import Path

from .demo_server import ROOT
from .pages import french_pages_by_kind, sub_route_urls

WIDTHS = {"desktop": 1280, "phone": 375}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def page_types(base_url):
    """{name: URL}: the first page of each type, then each sub-route and a 404."""
    kinds = french_pages_by_kind(base_url)
    named = {kind: urls[0] for kind, urls in kinds.items()}
    for url in sub_route_urls(base_url, kinds):
        path = urllib.parse.urlsplit(url).path.strip("/").replace("/", "-")
        named[f"route-{path}"] = url
    named["404"] = f"{base_url}/page-qui-n-existe-pas/"
    return named


def test_screenshots_of_every_page_type(demo_server, browser):
    output = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "build" / "screenshots"))
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for site, base_url in demo_server.items():
        types = page_types(base_url)
        for device, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for name, url in types.items():
                page.goto(url)
                path = output / f"{site}-{name}-{device}.png"
                page.screenshot(path=path, full_page=True)
                written.append(path)
            context.close()
    assert len(written) >= 2 * 2 * 14  # two sites, two widths, every page type
    assert all(path.read_bytes().startswith(PNG_SIGNATURE) for path in written)
    print(f"\n{len(written)} screenshots in {output}")
