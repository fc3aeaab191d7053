"""Images are served as responsive renditions (AVIF/WebP/JPEG), sized, and lazy below the fold."""

import pytest

from home.models import ContentPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_figure_block_renders_a_lazy_picture_with_modern_formats(aude_client, aude_site):
    image = make_image("Atelier cuisine")
    page = ContentPage(
        title="Atelier cuisine en images",
        body=[
            (
                "figure",
                {
                    "image": {
                        "image": image,
                        "decorative": False,
                        "alt_text": "Des enfants préparent une salade",
                    },
                    "caption": "Atelier nutrition, 2025",
                },
            )
        ],
    )
    aude_site.root_page.add_child(instance=page)
    html = aude_client.get(page.url).content.decode()
    picture = html[html.index("<picture>") : html.index("</picture>")]
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert 'loading="lazy"' in picture
    assert 'alt="Des enfants préparent une salade"' in picture
    # Width and height keep the 16:9 space reserved before the image loads.
    assert 'width="400"' in picture and 'height="225"' in picture
    assert "original_images" not in html  # never the original file
    assert "Atelier nutrition, 2025" in html


def test_home_hero_is_a_picture_loaded_at_once(aude_client, aude_site):
    home = aude_site.root_page.specific
    home.hero_image = make_image("Vallée de l'Aude")
    home.save_revision().publish()
    html = aude_client.get("/").content.decode()
    picture = html[html.index("<picture>") : html.index("</picture>")]
    assert 'type="image/avif"' in picture
    assert 'loading="lazy"' not in picture
    assert 'alt=""' in picture  # decorative
