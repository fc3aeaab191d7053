"""`make guide-screenshots` still finds every screen the docs show."""

from PIL import Image

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from .guide_screenshots import IMAGES, WIDTH, capture


def test_the_screenshot_command_takes_every_screen_the_docs_show(demo_server, browser, tmp_path):
    capture(browser, demo_server, (ADMIN_USERNAME, ADMIN_PASSWORD), tmp_path)

    taken = sorted(path.name for path in tmp_path.glob("*.png"))
    assert taken == sorted(path.name for path in IMAGES.glob("*.png"))
    for name in taken:
        with Image.open(tmp_path / name) as image:
            assert image.width == WIDTH, name
            assert image.mode == "P", name  # reduced to a palette: small files
