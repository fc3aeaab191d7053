"""Each site's own face: colours readable by construction, logo, icon, sharing image."""

import io
import re
from html import unescape

import pytest
from PIL import Image as PillowImage

from home.models import SiteSettings
from home.theme import AA_NORMAL_TEXT, PALETTES, Theme, contrast_ratio
from tests.admin_forms import admin_form, stream_post_data
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def settings_form(client, site, **fields):
    site_settings = SiteSettings.for_site(site)
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    _response, data = admin_form(
        client, url, **stream_post_data(site_settings, "footer_links"), **fields
    )
    return url, data


def theme_url(html):
    return re.search(r'<link rel="stylesheet" href="(/theme/[0-9a-f]+\.css)">', html).group(1)


def test_contrast_ratios_follow_wcag():
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#0b4751", "#0b4751") == pytest.approx(1)


@pytest.mark.parametrize("palette", PALETTES)
def test_every_palette_reads_at_aa_contrast(palette):
    theme = PALETTES[palette][1]
    ratios = [contrast_ratio(text, background) for text, background, _ in theme.text_pairs()]
    assert min(ratios) >= AA_NORMAL_TEXT
    assert theme.contrast_failures() == []


def test_a_light_custom_colour_fails_where_text_would_be_unreadable():
    failures = dict(Theme(brand="#2a7ab0", link="#2a7ab0").contrast_failures())
    assert set(map(str, failures)) == {
        "bouton de l'en-tête survolé",
        "liens sur fond gris clair",
        "chiffres clés sur fond gris clair",
    }


def test_an_editor_is_told_in_french_why_a_colour_is_refused(aude_admin_client, aude_site):
    url, data = settings_form(aude_admin_client, aude_site, custom_colour="#3d8fd1")
    html = unescape(aude_admin_client.post(url, data).content.decode())
    assert "Cette couleur rend des textes difficiles à lire" in html
    assert "il faut au moins 4,5:1" in html
    assert "texte blanc sur la couleur principale" in html
    assert SiteSettings.for_site(aude_site).custom_colour == ""
    url, data = settings_form(aude_admin_client, aude_site, custom_colour="rouge")
    html = unescape(aude_admin_client.post(url, data).content.decode())
    assert "Saisissez une couleur au format #RRVVBB" in html


def test_a_colour_change_shows_on_the_next_request_with_the_page_cache_on(
    aude_admin_client, aude_site, aude_client
):
    before = aude_client.get("/")
    assert aude_client.get("/").get("X-Page-Cache") == "hit"
    old_url = theme_url(before.content.decode())
    url, data = settings_form(aude_admin_client, aude_site, custom_colour="#5a2d82")
    assert aude_admin_client.post(url, data).status_code == 302
    after = aude_client.get("/")
    new_url = theme_url(after.content.decode())
    assert new_url != old_url
    stylesheet = aude_client.get(new_url)
    assert stylesheet["Content-Type"] == "text/css; charset=utf-8"
    assert "--brand:#5a2d82" in stylesheet.content.decode()
    assert "immutable" in stylesheet["Cache-Control"]
    # A page cached before the change names the old stylesheet: it gets today's colours.
    stale = aude_client.get(old_url)
    assert "--brand:#5a2d82" in stale.content.decode()
    assert stale["Cache-Control"] == "no-cache"


def test_the_demo_sites_look_different(aude_client, ruffecois_client):
    aude, ruffecois = (
        client.get("/").content.decode() for client in (aude_client, ruffecois_client)
    )
    assert theme_url(aude) != theme_url(ruffecois)
    logos = [
        re.search(r'<img class="site-name__logo" src="([^"]+)"', html) for html in (aude, ruffecois)
    ]
    assert logos[0] and logos[1] and logos[0].group(1) != logos[1].group(1)
    assert (
        aude_client.get(theme_url(aude)).content
        != ruffecois_client.get(theme_url(ruffecois)).content
    )


def test_the_logo_is_decorative_unless_described(aude_client, aude_site):
    html = aude_client.get("/").content.decode()
    logo = re.search(r'<img class="site-name__logo"[^>]*>', html).group(0)
    # Sized to reserve its space before it loads (the demo's SVG logo: 190 × 64).
    assert 'alt=""' in logo and 'width="190"' in logo and 'height="64"' in logo
    assert '<link rel="icon" href="/media/' in html and 'type="image/svg+xml"' in html
    site_settings = SiteSettings.for_site(aude_site)
    site_settings.logo_alt = "Ensemble pour la santé en Haute Vallée"
    site_settings.save()
    html = aude_client.get("/").content.decode()
    assert 'alt="Ensemble pour la santé en Haute Vallée"' in html


def icon_colours(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    with PillowImage.open(io.BytesIO(response.content)) as icon:
        assert icon.format == "ICO"
        return icon.convert("RGBA").getpixel((icon.width // 2, 2))


def test_the_favicon_answers_from_the_logo_or_the_sites_colour(aude_client, aude_site):
    # The demo's logo is an SVG: the icon is the site's initial on its main colour.
    brand = PALETTES[SiteSettings.for_site(aude_site).palette][1].brand
    red, green, blue, _alpha = icon_colours(aude_client.get("/favicon.ico"))
    assert f"#{red:02x}{green:02x}{blue:02x}" == brand
    # A raster logo becomes the icon itself (make_image: a JPEG of colour (30, 120, 140)).
    site_settings = SiteSettings.for_site(aude_site)
    site_settings.logo = make_image("Logo carré", 200, 200)
    site_settings.save()
    icon = icon_colours(aude_client.get("/favicon.ico"))
    assert icon[:3] == pytest.approx((30, 120, 140), abs=2)
    # Without a logo: never a 404.
    site_settings.logo = None
    site_settings.save()
    assert icon_colours(aude_client.get("/favicon.ico"))[3] == 255


def test_a_sharing_image_is_given_to_social_networks_as_an_absolute_url(aude_client, aude_site):
    html = aude_client.get("/").content.decode()
    match = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert match and match.group(1).startswith("http://localhost/media/images/")
    assert match.group(1).endswith(".fill-1200x630.format-jpeg.jpg")
