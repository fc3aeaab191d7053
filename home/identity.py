"""What makes each site look its own: logo, colours, icon and sharing image.

Read by every page from the site's cached data (home/page_cache.py), so the renditions
are looked up once per content change, not once per page: saving the settings changes
the content version (home/invalidation.py).
"""

import io
from dataclasses import dataclass

from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont
from wagtail.images.models import SourceImageIOError

from home.images import Picture, picture
from home.page_cache import cached_site_data

LOGO_FILTER = "height-96|preserve-svg"  # shown 48 px high: sharp on high-density screens
SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


@dataclass(frozen=True)
class SiteIdentity:
    theme_url: str
    logo: Picture | None
    svg_icon_url: str  # the logo as the browsers' icon, when it is an SVG
    social_image: Picture | None


def build_identity(site_settings):
    logo = site_settings.logo
    logo_picture = logo and picture(logo, LOGO_FILTER, site_settings.logo_alt)
    social = site_settings.social_image
    return SiteIdentity(
        theme_url=reverse("site_theme", args=[site_settings.theme.fingerprint]),
        logo=logo_picture,
        svg_icon_url=logo_picture.url if logo_picture and logo.is_svg() else "",
        social_image=(
            picture(social, SOCIAL_IMAGE_FILTER)
            if social and not social.is_svg()  # networks do not show SVG
            else None
        ),
    )


def site_identity(request):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    return cached_site_data(request, "identity", lambda: build_identity(site_settings))


def favicon_bytes(site_settings):
    """An ICO file: the raster logo on a transparent square, else the site's initial on its
    main colour (an SVG logo is offered to browsers by a <link rel="icon"> of its own)."""
    logo = site_settings.logo
    icon = None
    if logo and not logo.is_svg():
        try:
            with logo.open_file() as file, Image.open(file) as source:
                icon = square(source.convert("RGBA"))
        except SourceImageIOError:
            pass  # the logo's file is missing (home/images.py): the initial will do
    if icon is None:
        icon = initial_icon(site_settings.organisation_name, site_settings.theme.brand)
    output = io.BytesIO()
    icon.save(output, format="ICO", sizes=FAVICON_SIZES)
    return output.getvalue()


def square(image, size=48):
    image.thumbnail((size, size))
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas.paste(image, ((size - image.width) // 2, (size - image.height) // 2), image)
    return canvas


def initial_icon(name, colour, size=48):
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(icon)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=colour)
    initial = next((char for char in name if char.isalnum()), "").upper()
    font = ImageFont.load_default(size=size * 0.6)
    draw.text((size / 2, size / 2), initial, fill="#ffffff", font=font, anchor="mm")
    return icon
