"""A site's colours: a palette chosen from a tested set, or one main colour of its own.

Every colour the stylesheet takes from the theme (site/static/css/site.css, its custom
properties) is derived from one or two colours here, and every text/background pair the
stylesheet draws with them must reach WCAG AA contrast (4.5:1 for normal text). A custom
colour is accepted only when all its pairs do (`contrast_failures`).
"""

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
# The stylesheet's light backgrounds (--bg, --bg-alt) that the theme's colours are read on.
LIGHT_BACKGROUNDS = {"#ffffff": _("blanc"), "#f3f5f7": _("gris clair")}


def channels(colour):
    colour = colour.lstrip("#")
    return [int(colour[index : index + 2], 16) for index in (0, 2, 4)]


def to_hex(rgb):
    return "#" + "".join(f"{round(max(0, min(255, value))):02x}" for value in rgb)


def relative_luminance(colour):
    """WCAG 2.x relative luminance of an sRGB colour written #rrggbb."""

    def linear(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(value) for value in channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour, other, weight):
    """`colour` with `weight` (0–1) of `other` mixed in."""
    pairs = zip(channels(colour), channels(other), strict=True)
    return to_hex(value + (mixed - value) * weight for value, mixed in pairs)


@dataclass(frozen=True)
class Theme:
    """The custom properties a site sets; derived from its main colour and link colour."""

    brand: str  # header and footer background, headings' accents
    link: str

    @property
    def brand_dark(self):  # the menu bar, under the header
        return mix(self.brand, "#000000", 0.3)

    @property
    def brand_tint(self):  # hover background of the header's button
        return mix(self.brand, WHITE, 0.85)

    @property
    def link_hover(self):
        return mix(self.link, "#000000", 0.3)

    def custom_properties(self):
        return {
            "--brand": self.brand,
            "--brand-dark": self.brand_dark,
            "--brand-tint": self.brand_tint,
            "--link": self.link,
            "--link-hover": self.link_hover,
        }

    def text_pairs(self):
        """(text, background, where) for every pair the stylesheet draws with the theme."""
        pairs = [
            (WHITE, self.brand, _("texte blanc sur la couleur principale (en-tête, pied de page)")),
            (WHITE, self.brand_dark, _("texte blanc sur le menu")),
            (WHITE, self.link, _("texte blanc sur les boutons")),
            (WHITE, self.link_hover, _("texte blanc sur les boutons survolés")),
            (self.brand, WHITE, _("bouton de l'en-tête")),
            (self.brand, self.brand_tint, _("bouton de l'en-tête survolé")),
        ]
        for background, name in LIGHT_BACKGROUNDS.items():
            on = {"name": name}
            pairs += [
                (self.link, background, _("liens sur fond %(name)s") % on),
                (self.link_hover, background, _("liens survolés sur fond %(name)s") % on),
                (self.brand, background, _("chiffres clés sur fond %(name)s") % on),
            ]
        return pairs

    def contrast_failures(self):
        """[(where, ratio)] of the pairs under AA contrast; empty when the theme is readable."""
        return [
            (where, ratio)
            for text, background, where in self.text_pairs()
            if (ratio := contrast_ratio(text, background)) < AA_NORMAL_TEXT
        ]

    def stylesheet(self):
        properties = self.custom_properties().items()
        declarations = ";".join(f"{name}:{value}" for name, value in properties)
        return f":root{{{declarations}}}\n"

    @property
    def fingerprint(self):
        """Changes with the stylesheet: names its URL, so browsers may keep it for a year."""
        return hashlib.sha256(self.stylesheet().encode()).hexdigest()[:12]


PALETTES = {
    "sarcelle": (_("Bleu-vert et bleu (par défaut)"), Theme(brand="#0b4751", link="#0b4f8a")),
    "ocean": (_("Bleu océan"), Theme(brand="#1f4e8c", link="#1f4e8c")),
    "garrigue": (_("Vert garrigue"), Theme(brand="#2f5d34", link="#285a8c")),
    "prune": (_("Prune"), Theme(brand="#6a2c5a", link="#6a2c5a")),
    "brique": (_("Rouge brique"), Theme(brand="#8a3a1e", link="#1d5189")),
    "ardoise": (_("Gris ardoise"), Theme(brand="#37474f", link="#0b4f8a")),
}
DEFAULT_PALETTE = "sarcelle"
PALETTE_CHOICES = [(key, label) for key, (label, _theme) in PALETTES.items()]


def theme_for(palette, custom_colour=""):
    """The theme of a site: its own main colour when set (already validated), else its palette."""
    if custom_colour:
        return Theme(brand=custom_colour, link=custom_colour)
    return PALETTES.get(palette, PALETTES[DEFAULT_PALETTE])[1]
