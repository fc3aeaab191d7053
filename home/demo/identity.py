"""Each demo site's own face: palette, logo, hero illustrations and axis pictograms.

Everything is drawn here, nothing is downloaded: the logos and pictograms are small SVG
files written from the shapes below, the illustrations PNG landscapes drawn with Pillow
(raster, so that they get responsive AVIF/WebP renditions cropped on a focal point).
The logos are invented for the demo: their title says « exemple ».
"""

import io
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from willow.image import Image as WillowImage

from home.models import SiteSettings
from home.theme import PALETTES, WHITE, mix

# 24 × 24 pictograms, one shape per axis theme, drawn in the site's main colour.
PICTOGRAM_SHAPES = {
    "care": '<path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z"/>',
    "prevention": ('<path d="M12 21 4 13a5 5 0 0 1 8-6.5A5 5 0 0 1 20 13z"/>'),
    "seniors": (
        '<circle cx="9" cy="4.5" r="2.5"/><path d="M6 9h6l1 6h-2l-1 7H7l-1-7H5z"/>'
        '<path d="M15 10h1.5v12H15z"/>'
    ),
    "environment": '<path d="M4 20C4 10 10 4 20 4c0 10-6 16-16 16zm2-1 9-9-1-1-9 9z"/>',
    "mental_health": (
        '<path d="M4 5h16v11h-9l-5 4v-4H4z"/><circle cx="9" cy="10.5" r="1.2" fill="#fff"/>'
        '<circle cx="15" cy="10.5" r="1.2" fill="#fff"/>'
    ),
    "mobility": (
        '<path d="M5 4h14v13H5z"/><path d="M7 6h10v5H7z" fill="#fff"/>'
        '<circle cx="8" cy="19.5" r="1.8"/><circle cx="16" cy="19.5" r="1.8"/>'
    ),
}


@dataclass(frozen=True)
class DemoIdentity:
    slug: str
    palette: str
    logo_mark: str  # SVG shapes drawn left of the logo's initials, in a 64 × 64 box
    initials: str
    ridges: int  # the landscape: many sharp ridges (mountains) or few soft ones (plains)
    roughness: float
    seed: int

    @property
    def colour(self):
        return PALETTES[self.palette][1].brand


AUDE = DemoIdentity(
    slug="haute-vallee-aude",
    palette="ocean",
    logo_mark='<path d="M6 52 24 18l11 18 7-10 16 26z"/>',  # the Pyrénées
    initials="Aude",
    ridges=14,
    roughness=1.0,
    seed=11,
)
RUFFECOIS = DemoIdentity(
    slug="pays-ruffecois",
    palette="brique",
    logo_mark=(  # the sun over the Charente
        '<circle cx="32" cy="24" r="9"/>'
        '<path d="M6 42c9-7 17 7 26 0s17-7 26 0v7c-9-7-17 7-26 0S15 42 6 49z"/>'
    ),
    initials="Ruffec",
    ridges=4,
    roughness=0.35,
    seed=16,
)


def svg_file(body, width, height, title):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{title}</title>{body}</svg>'
    ).encode()


def logo_svg(identity):
    colour = identity.colour
    body = (
        f'<rect width="64" height="64" rx="12" fill="{colour}"/>'
        f'<g fill="{WHITE}">{identity.logo_mark}</g>'
        f'<text x="76" y="44" font-family="sans-serif" font-size="30" font-weight="700" '
        f'fill="{colour}">{identity.initials}</text>'
    )
    return svg_file(body, 190, 64, f"Logo d'exemple – {identity.initials}")


def pictogram_svg(shape, colour):
    body = (
        f'<circle cx="12" cy="12" r="12" fill="{mix(colour, WHITE, 0.85)}"/>'
        f'<g fill="{colour}" transform="translate(3.6 3.6) scale(.7)">{PICTOGRAM_SHAPES[shape]}</g>'
    )
    return svg_file(body, 24, 24, "Pictogramme")


def landscape_png(identity, width=1600, height=600):
    """Layered hills under a pale sky, a sun where the focal point goes: (bytes, focal box)."""
    rng = random.Random(identity.seed)  # noqa: S311 - the same drawing at every run
    image = Image.new("RGB", (width, height), mix(identity.colour, WHITE, 0.9))
    draw = ImageDraw.Draw(image)
    sun = (int(width * rng.uniform(0.55, 0.8)), int(height * 0.3), 70)
    draw.ellipse(
        (sun[0] - sun[2], sun[1] - sun[2], sun[0] + sun[2], sun[1] + sun[2]), fill="#f6d776"
    )
    for layer in range(4):
        base = height * (0.45 + layer * 0.14)
        points = [(0, height)]
        for step in range(identity.ridges + 1):
            x = width * step / identity.ridges
            y = base - rng.uniform(0, identity.roughness) * height * 0.25
            points.append((x, y))
        points.append((width, height))
        shade = mix(identity.colour, WHITE, 0.7 - layer * 0.2)
        draw.polygon(points, fill=shade)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue(), (sun[0], sun[1], sun[2] * 2, sun[2] * 2)


def get_or_create_image(title, filename, content, focal_box=None):
    """The image with this title, or a new one from these bytes (created once)."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image:
        return image
    image = image_model(title=title)
    image.file.save(filename, ContentFile(content), save=False)
    # Willow reads an SVG's size too, which Django's ImageField cannot.
    image.width, image.height = map(int, WillowImage.open(io.BytesIO(content)).get_size())
    image._set_image_file_metadata()  # size and hash, as the admin upload form does
    if focal_box:
        x, y, box_width, box_height = focal_box
        image.focal_point_x, image.focal_point_y = x, y
        image.focal_point_width, image.focal_point_height = box_width, box_height
    image.save()
    return image


def fresh(page):
    return page.specific_class.objects.get(pk=page.pk)


def apply_identity(site, identity, contract, axis_shapes):
    """Give the site its palette and logo, its home and contract pages their illustrations,
    and its axes ({page: shape}) their pictograms; what is already set is kept."""
    settings = SiteSettings.for_site(site)
    if settings.logo_id is None:
        settings.palette = identity.palette
        settings.logo = get_or_create_image(
            f"Logo d'exemple – {site.site_name}", f"logo-{identity.slug}.svg", logo_svg(identity)
        )
        png, focal_box = landscape_png(identity)
        settings.social_image = get_or_create_image(
            f"Illustration d'exemple – {site.site_name}",
            f"illustration-{identity.slug}.png",
            png,
            focal_box,
        )
        settings.save()
    # Read again: the objects the builders hold predate their children (numchild).
    for page in (fresh(site.root_page), fresh(contract)):
        if page.hero_image_id is None:
            page.hero_image = settings.social_image
            page.save_revision().publish()
    for axis, shape in axis_shapes.items():
        axis = fresh(axis)
        if axis.pictogram_id is None:
            axis.pictogram = get_or_create_image(
                f"Pictogramme – {shape} – {identity.slug}",
                f"pictogramme-{shape}-{identity.slug}.svg",
                pictogram_svg(shape, identity.colour),
            )
            axis.save_revision().publish()
