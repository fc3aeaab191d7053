"""Images pages show beside their text: hero images, pictograms, logos.

A hero image is informative when the editor describes it, decorative (empty alt)
otherwise. Small pictures repeated on lists (the axes' pictograms) are kept as plain
data with the site's cached data, so a list costs no query for them once served.
"""

import logging
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from home.page_cache import cached_site_data

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Picture:
    """A rendition as plain data: what an <img> needs, cacheable."""

    url: str
    width: int
    height: int
    alt: str = ""


def picture(image, filter_spec, alt=""):
    """The image's rendition as a Picture, or None when the image's original file is
    missing (media lost, or not restored with the database): the page then goes without
    it, as with Wagtail's {% image %}, instead of failing for every visitor."""
    try:
        rendition = image.get_rendition(filter_spec)
    except SourceImageIOError:
        logger.warning("Image %s is shown nowhere: its file %s is missing", image.pk, image.file)
        return None
    # An SVG's rendition has decimal sizes (24.0), which templates would print « 24,0 ».
    return Picture(rendition.url, round(rendition.width), round(rendition.height), alt)


def cached_pictures(request, image_ids, filter_spec):
    """{image id: Picture} of these images' renditions, read once per content change."""
    ids = sorted({pk for pk in image_ids if pk})
    if not ids:
        return {}

    def build():
        images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(filter_spec)
        pictures = {image.pk: picture(image, filter_spec) for image in images}
        return {pk: found for pk, found in pictures.items() if found is not None}

    return cached_site_data(request, f"pictures:{filter_spec}:{','.join(map(str, ids))}", build)


class HeroImageMixin(models.Model):
    """An image across the top of a page, with its alternative text or none if decorative."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'en-tête"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif. Une photo ou une illustration en format paysage, recadrée autour de "
            "son point d'intérêt (à régler dans la bibliothèque d'images)."
        ),
    )
    hero_alt = models.CharField(
        _("texte alternatif de l'image d'en-tête"),
        max_length=250,
        blank=True,
        help_text=_(
            "Décrivez ce que l'image apprend au visiteur. Laissez vide si elle est "
            "décorative (une ambiance, un paysage sans information)."
        ),
    )

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Image d'en-tête")
        )
    ]

    class Meta:
        abstract = True
