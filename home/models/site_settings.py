import copy

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from contacts.phone import tel_uri
from home.admin_scope.settings_policy import SiteSettingsPermissionPolicy
from home.blocks import LinkBlock
from home.page_cache import cached_site_data


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
        help_text=_("Le logo de la structure ; son texte alternatif est le nom de la structure."),
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
            [FieldPanel("organisation_name"), FieldPanel("logo")], heading=_("Structure")
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

    select_related = ["logo", "accessibility_page"]

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
    def phone_uri(self):
        return tel_uri(self.phone)
