import copy
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from contacts.phone import tel_uri
from home.admin_scope.settings_policy import SiteSettingsPermissionPolicy
from home.blocks import LinkBlock
from home.page_cache import cached_site_data
from home.theme import AA_NORMAL_TEXT, DEFAULT_PALETTE, PALETTE_CHOICES, theme_for

COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class AccessibilityStatus(models.TextChoices):
    NON_COMPLIANT = "non", _("non conforme")
    PARTIAL = "partiel", _("partiellement conforme")
    FULL = "total", _("totalement conforme")


def to_complete(widget_class, **attrs):
    """A widget that reads « À compléter » while empty: information the legal notice needs."""
    return widget_class(attrs={"placeholder": _("À compléter"), **attrs})


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("nom de la structure"),
        max_length=200,
        help_text=_("Par exemple « Communauté de communes des Pyrénées Audoises »."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "SVG, PNG ou JPEG, affiché dans l'en-tête à côté du nom de la structure ; il sert "
            "aussi d'icône du site (favicon)."
        ),
    )
    logo_alt = models.CharField(
        _("texte alternatif du logo"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ce que le logo dit de plus que le nom affiché à côté de lui (un slogan, par "
            "exemple). Laissez vide s'il ne fait que répéter ce nom : il est alors décoratif."
        ),
    )
    palette = models.CharField(
        _("palette de couleurs"),
        max_length=20,
        choices=PALETTE_CHOICES,
        default=DEFAULT_PALETTE,
        help_text=_("Couleurs de l'en-tête, du menu, des liens et des boutons ; toutes lisibles."),
    )
    custom_colour = models.CharField(
        _("couleur principale personnalisée"),
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(
                COLOUR_PATTERN,
                _("Saisissez une couleur au format #RRVVBB, par exemple #0b4751."),
            )
        ],
        help_text=_(
            "Facultatif, remplace la palette : une couleur au format #RRVVBB (la couleur de "
            "votre charte). Elle n'est acceptée que si les textes restent lisibles dessus et "
            "sur fond blanc (contraste d'au moins 4,5:1)."
        ),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif. L'image montrée quand une page du site est partagée sur un réseau "
            "social (format paysage, 1200 × 630 pixels de préférence)."
        ),
    )
    address = models.TextField(
        _("adresse postale"), blank=True, help_text=_("Une ligne par ligne d'adresse.")
    )
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Par exemple 04 68 00 00 00.")
    )
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=150,
        blank=True,
        help_text=_("En général le président ou la présidente de la structure (mentions légales)."),
    )
    host = models.TextField(
        _("hébergeur"),
        blank=True,
        help_text=_("Nom, adresse et téléphone de l'hébergeur du site (mentions légales)."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("liens du pied de page"),
        blank=True,
        help_text=_("Mentions légales, plan du site, sites partenaires…"),
    )
    accessibility_status = models.CharField(
        _("conformité RGAA"),
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NON_COMPLIANT,
        help_text=_("État de conformité affiché dans le pied de page de chaque page."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La page de la déclaration d'accessibilité, liée depuis le pied de page."),
    )

    is_demo_site = models.BooleanField(
        _("site de démonstration"),
        default=False,
        help_text=_(
            "Affiche en haut de chaque page que le site est une démonstration : personnes et "
            "coordonnées fictives, documents reconstitués, contenus « Exemple » inventés."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("logo"), FieldPanel("logo_alt")],
            heading=_("Structure"),
        ),
        MultiFieldPanel(
            [FieldPanel("palette"), FieldPanel("custom_colour"), FieldPanel("social_image")],
            heading=_("Identité visuelle"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address", widget=to_complete(forms.Textarea, rows=3)),
                FieldPanel("phone"),
            ],
            heading=_("Coordonnées"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("publication_director", widget=to_complete(forms.TextInput)),
                FieldPanel("host", widget=to_complete(forms.Textarea, rows=3)),
            ],
            heading=_("Mentions légales"),
        ),
        FieldPanel("footer_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_status"), FieldPanel("accessibility_page")],
            heading=_("Accessibilité"),
        ),
        FieldPanel("is_demo_site"),
    ]

    select_related = ["logo", "social_image", "accessibility_page"]

    @classmethod
    def get_permission_policy(cls):
        return SiteSettingsPermissionPolicy(cls)

    class Meta:
        verbose_name = _("réglages du site")

    @classmethod
    def for_request(cls, request):
        # Read by every page: kept with the site's cached data instead of queried each time.
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            shared = cached_site_data(
                request, "settings", lambda: cls.for_site(Site.find_for_request(request))
            )
            # Wagtail keeps the request on the instance: give each request its own copy.
            site_settings = copy.copy(shared)
            site_settings._request = request
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    @property
    def theme(self):
        return theme_for(self.palette, self.custom_colour.lower())

    def clean(self):
        super().clean()
        if self.custom_colour and not re.fullmatch(COLOUR_PATTERN, self.custom_colour):
            return  # the field's own validator explains the format
        if failures := self.theme.contrast_failures():
            ratio = number_format(min(ratio for _where, ratio in failures), 1)
            raise ValidationError(
                {
                    "custom_colour": _(
                        "Cette couleur rend des textes difficiles à lire (contraste de "
                        "%(ratio)s:1 au plus bas, il faut au moins %(minimum)s:1) : %(where)s. "
                        "Choisissez une couleur plus foncée."
                    )
                    % {
                        "ratio": ratio,
                        "minimum": number_format(AA_NORMAL_TEXT, 1),
                        "where": ", ".join(str(where) for where, _ratio in failures),
                    }
                }
            )

    @property
    def phone_uri(self):
        return tel_uri(self.phone)
