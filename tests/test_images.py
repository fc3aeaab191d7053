"""Images are served as responsive renditions (AVIF/WebP/JPEG), sized, and lazy below the fold."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Locale

from cls.models import ActionPage, ActionPartner, AxisPage, ContractPage, Organisation
from home.models import ContentPage, SiteSettings
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


def picture_of(html):
    return html[html.index("<picture>") : html.index("</picture>")]


def test_a_described_hero_is_informative_and_an_undescribed_one_decorative(aude_client, aude_site):
    contract = ContractPage.objects.child_of(aude_site.root_page).get()
    contract.hero_image = make_image("Maison de santé de Quillan", 1600, 900)
    contract.hero_alt = "La maison de santé de Quillan, inaugurée en 2024"
    contract.save_revision().publish()
    axis = AxisPage.objects.child_of(contract).first()
    axis.hero_image = make_image("Ambiance", 1600, 900)
    axis.save_revision().publish()
    contract_picture = picture_of(aude_client.get(contract.url).content.decode())
    assert 'alt="La maison de santé de Quillan, inaugurée en 2024"' in contract_picture
    img = re.search(r"<img [^>]*>", contract_picture).group(0)
    assert 'width="600"' in img and 'height="200"' in img  # cropped to 3:1, space reserved
    axis_picture = picture_of(aude_client.get(axis.url).content.decode())
    assert 'alt=""' in axis_picture and 'loading="lazy"' not in axis_picture


def test_pages_stay_up_when_an_image_file_is_lost(aude_client, aude_site):
    """A database restored without its media, a lost disk: the pages go without the
    images whose files are missing (no rendition was made of them yet)."""
    lost = make_image("Fichier perdu", 400, 400)
    site_settings = SiteSettings.for_site(aude_site)
    site_settings.logo = lost
    site_settings.save()
    contract = ContractPage.objects.child_of(aude_site.root_page).get()
    contract.hero_image = lost
    contract.save_revision().publish()
    axis = AxisPage.objects.child_of(contract).first()
    axis.pictogram = lost
    axis.save_revision().publish()
    lost.file.storage.delete(lost.file.name)

    for url in ("/", contract.url, axis.url):
        response = aude_client.get(url)
        assert response.status_code == 200, url
        assert 'class="site-name__logo"' not in response.content.decode()
    assert 'class="pictogram"' not in aude_client.get(axis.url).content.decode()
    favicon = aude_client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon["Content-Type"] == "image/x-icon"


def two_band_image(title):
    """1600 × 900: red above, blue in the bottom third."""
    drawing = PillowImage.new("RGB", (1600, 900), (200, 0, 0))
    drawing.paste((0, 0, 200), (0, 600, 1600, 900))
    buffer = io.BytesIO()
    drawing.save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def centre_colour(rendition):
    with rendition.file.open() as file, PillowImage.open(file) as crop:
        return crop.convert("RGB").getpixel((crop.width // 2, crop.height // 2))


def test_hero_crops_keep_the_focal_point_in_view():
    centred = two_band_image("Sans point d'intérêt")
    assert centre_colour(centred.get_rendition("fill-1200x400")) == (200, 0, 0)
    focused = two_band_image("Point d'intérêt en bas")
    focused.focal_point_x, focused.focal_point_y = 800, 850
    focused.focal_point_width, focused.focal_point_height = 200, 100
    focused.save()
    # The 3:1 window slides down to the focal point: the hero shows the blue band.
    assert centre_colour(focused.get_rendition("fill-1200x400")) == (0, 0, 200)


def test_axis_pictograms_are_decorative_on_the_axis_and_its_card(aude_client, aude_site):
    contract = ContractPage.objects.child_of(aude_site.root_page).get()
    axis = AxisPage.objects.child_of(contract).get(number=1)
    assert axis.pictogram is not None  # the demo's pictograms
    axis_html = aude_client.get(axis.url).content.decode()
    header = axis_html[axis_html.index('<header class="page-header') :]
    assert re.search(
        r'<img class="pictogram" src="[^"]+\.svg" width="24" height="24" alt="">', header
    )
    card = re.search(
        r'<img class="pictogram" src="([^"]+)" width="24" height="24" alt="" loading="lazy">',
        aude_client.get(contract.url).content.decode(),
    )
    assert card and "pictogramme-care" in card.group(1)


def test_action_pages_show_partner_logos_lazy_and_sized(aude_client, aude_site):
    action = ActionPage.objects.descendant_of(aude_site.root_page).first()
    organisation = Organisation.objects.create(
        name="Mutualité exemple",
        locale=Locale.get_default(),
        logo=make_image("Logo mutualité", 320, 160),
    )
    ActionPartner.objects.create(page=action, organisation=organisation, role="Relais")
    html = aude_client.get(action.url).content.decode()
    logo = re.search(r'<img[^>]*class="partner__logo"[^>]*>', html).group(0)
    assert 'alt=""' in logo  # the organisation's name follows it
    assert 'loading="lazy"' in logo and 'width="160"' in logo and 'height="80"' in logo
    assert "Mutualité exemple" in html
