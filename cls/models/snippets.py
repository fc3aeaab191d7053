"""Reference data shared by the pages of a contract: partners, communes, target publics."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cls.commune_codes import (
    split_postcodes,
    validate_insee_code,
    validate_postcodes,
    validate_siren,
)
from cls.commune_names import search_key


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        STATE = "etat", _("État et agences (ARS, préfecture…)")
        LOCAL_AUTHORITY = "collectivite", _("Collectivité ou intercommunalité")
        HEALTH = "sante", _("Établissement ou professionnels de santé")
        SOCIAL = "social", _("Protection sociale (CPAM, MSA, CAF…)")
        ASSOCIATION = "association", _("Association")
        OTHER = "autre", _("Autre")

    name = models.CharField(
        _("nom"), max_length=200, help_text=_("Le nom complet, sans abréviation.")
    )
    acronym = models.CharField(
        _("sigle"), max_length=30, blank=True, help_text=_("Par exemple « ARS ». Facultatif.")
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Sert à regrouper les partenaires sur la page du contrat."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif. Affiché à côté du nom de la structure, qui suffit à le décrire : "
            "il n'a pas de texte alternatif."
        ),
    )
    url = models.URLField(
        _("site web"), blank=True, help_text=_("Adresse complète, par exemple https://…")
    )

    # Name and acronym go to translators; the rest follows the source organisation.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("acronym"),
        SynchronizedField("kind"),
        SynchronizedField("logo"),
        SynchronizedField("url"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        # The admin's listings and choosers show one language at a time.
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation partenaire")
        verbose_name_plural = _("organisations partenaires")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class PartnerRole(TranslatableMixin, Orderable):
    """An organisation taking part in a contract or an action, and in what role.

    Translated with its page: the translation shows the organisation's translation and
    the role in the page's language.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("rôle"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « financeur », « co-animation », « partenaire »."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


# cls/includes/partners.html's size for the partners' logos.
PARTNER_LOGO_FILTER = "max-160x80"


def with_logos(partners):
    """A contract's or an action's partners with their organisation and its logo, and the
    logos' renditions in one query, not one per partner."""
    renditions = get_image_model().get_rendition_model().objects
    return partners.select_related("organisation__logo").prefetch_related(
        Prefetch(
            "organisation__logo__renditions",
            queryset=renditions.filter(filter_spec=PARTNER_LOGO_FILTER),
            to_attr="prefetched_renditions",
        )
    )


class Commune(models.Model):
    """A commune of the official geographic code. Proper names: not translated.

    Not in Wagtail's search index: the admin and "Ma commune" search the stored
    search_name key, INSEE code and postcodes (cls/commune_search.py), which also finds
    the 35,000 communes loaded in bulk (cls/communes_france.py)."""

    insee_code = models.CharField(
        _("code INSEE"),
        max_length=5,
        unique=True,
        validators=[validate_insee_code],
        help_text=_("Cinq caractères, par exemple 11069 (2A004 en Corse)."),
    )
    name = models.CharField(_("nom"), max_length=100)
    postcodes = models.CharField(
        _("codes postaux"),
        max_length=200,  # Paris has 21
        blank=True,
        validators=[validate_postcodes],
        help_text=_("Cinq chiffres ; séparés par une espace quand la commune en a plusieurs."),
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("Population municipale légale.")
    )
    epci_siren = models.CharField(
        _("SIREN de l'intercommunalité"),
        max_length=9,
        blank=True,
        db_index=True,
        validators=[validate_siren],
        help_text=_("Neuf chiffres : identifie la communauté de communes d'appartenance."),
    )
    epci_name = models.CharField(_("intercommunalité"), max_length=150, blank=True)
    # The name without accents, case or hyphens (see cls/commune_names.py), for searches.
    search_name = models.CharField(max_length=100, editable=False, db_index=True, default="")

    panels = [
        FieldPanel("name"),
        FieldPanel("insee_code"),
        FieldPanel("postcodes"),
        FieldPanel("population"),
        FieldPanel("epci_siren"),
        FieldPanel("epci_name"),
    ]

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.insee_code})"

    def save(self, *args, **kwargs):
        self.search_name = search_key(self.name)
        if "name" in (kwargs.get("update_fields") or ()):
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def clean(self):
        self.postcodes = " ".join(split_postcodes(self.postcodes))

    @property
    def postcode_list(self):
        return self.postcodes.split()


class TargetPublic(models.Model):
    """The controlled list of publics an action is aimed at (see the data migration)."""

    class Code(models.TextChoices):
        ALL = "tous", _("Tout public")
        CHILDREN = "enfants", _("Enfants")
        YOUTH = "jeunes", _("Jeunes (12-25 ans)")
        PARENTS = "parents", _("Parents")
        ADULTS = "adultes", _("Adultes")
        ELDERLY = "seniors", _("Personnes âgées")
        DISABLED = "handicap", _("Personnes en situation de handicap")
        PRECARIOUS = "precarite", _("Personnes en situation de précarité")
        PROFESSIONALS = "professionnels", _("Professionnels de santé et du social")
        ELECTED = "elus", _("Élus")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("public cible")
        verbose_name_plural = _("publics cibles")
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.get_code_display())
