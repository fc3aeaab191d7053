"""The pages every French public website must have, built from structured fields.

What a page lacks is listed to editors as « À compléter » (home.panels.ToCompletePanel);
the public page then leaves it out or says it is not given: no placeholder shown as a fact.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import BodyStreamBlock
from home.panels import ToCompletePanel
from home.routing import parent_of, url_below_root
from home.visibility import exclude_private


class LegalPage(Page):
    """Shared by the legal pages: one of each per site, directly under the home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def site_settings(self):
        """The settings of the site this page belongs to (None for a page outside any)."""
        from .site_settings import SiteSettings

        site = self.get_site() if self.pk else None
        return SiteSettings.for_site(site) if site else None

    def missing_information(self):
        return []


class LegalNoticePage(LegalPage):
    """Mentions légales (LCEN, article 6-III): publisher, director of publication and host
    come from the site settings."""

    meta_description = _(
        "Mentions légales du site : éditeur, directeur de la publication et hébergeur."
    )

    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("compléments"),
        blank=True,
        help_text=_(
            "Crédits, propriété intellectuelle… L'éditeur, le directeur de la publication et "
            "l'hébergeur s'affichent d'après les réglages du site."
        ),
    )

    content_panels = [*Page.content_panels, ToCompletePanel(), FieldPanel("body")]

    class Meta:
        verbose_name = _("mentions légales")
        verbose_name_plural = _("mentions légales")

    def missing_information(self):
        site_settings = self.site_settings()
        if site_settings is None:
            return []
        required = {
            "address": _("l'adresse postale de l'éditeur (réglages du site)"),
            "publication_director": _(
                "le directeur ou la directrice de la publication (réglages du site)"
            ),
            "host": _("le nom, l'adresse et le téléphone de l'hébergeur (réglages du site)"),
        }
        return [label for name, label in required.items() if not getattr(site_settings, name)]


class LegalBasis(models.TextChoices):
    CONSENT = "consentement", _("Le consentement de la personne (article 6.1.a du RGPD)")
    PUBLIC_TASK = "mission", _("Une mission d'intérêt public (article 6.1.e du RGPD)")
    LEGITIMATE_INTEREST = "interet", _("L'intérêt légitime de l'éditeur (article 6.1.f du RGPD)")


class PersonalDataPage(LegalPage):
    """Données personnelles et cookies, in the usual sections of a GDPR notice (articles 13
    and 14): what the site itself does is written by the template from the settings
    (contact form, retention, rate limit, cookies); the editor gives the legal basis and
    the data protection officer."""

    meta_description = _(
        "Les données personnelles que ce site recueille, pourquoi, combien de temps, et vos droits."
    )

    legal_basis = models.CharField(
        _("base légale du formulaire de contact"),
        max_length=15,
        choices=LegalBasis.choices,
        blank=True,
        help_text=_("Sur quoi repose le traitement des messages reçus ; à voir avec votre DPO."),
    )
    data_protection_officer = models.TextField(
        _("délégué à la protection des données (DPO)"),
        blank=True,
        help_text=_("Nom ou service, et comment le joindre : adresse électronique, courrier."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("autres traitements"),
        blank=True,
        help_text=_(
            "Les autres traitements de données du site, s'il y en a (lettre d'information…)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        ToCompletePanel(),
        FieldPanel("legal_basis"),
        FieldPanel("data_protection_officer"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("page des données personnelles")
        verbose_name_plural = _("pages des données personnelles")

    def missing_information(self):
        missing = []
        if not self.legal_basis:
            missing.append(_("la base légale du formulaire de contact"))
        if not self.data_protection_officer:
            missing.append(_("le délégué à la protection des données (DPO)"))
        return missing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_months"] = round(settings.CONTACT_RETENTION_DAYS / 30.4)
        context["rate_window_minutes"] = round(settings.CONTACT_RATE_WINDOW / 60)
        return context


class SitemapPage(LegalPage):
    """Plan du site: the site's page tree, read in one query."""

    meta_description = _("Plan du site : toutes ses pages, rubrique par rubrique.")

    class Meta:
        verbose_name = _("plan du site")
        verbose_name_plural = _("plans du site")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.site_tree(parent_of(request, self), request)
        return context

    @staticmethod
    def site_tree(root, request):
        """Nested [(node, children)] of the live public pages under root, in one query.

        Each node is a {"title", "link"} dict read from a row: building 300 Page objects
        took longer than the query and the template together.
        """
        rows = (
            exclude_private(root.get_descendants().live(), request)
            .order_by("path")
            .values_list("title", "path", "url_path")
        )
        nodes = {root.path: []}
        for title, path, url_path in rows:
            children = []
            parent_path = path[: -Page.steplen]
            if parent_path in nodes:  # skip pages below a draft or private parent
                link = url_below_root(request, url_path)
                nodes[parent_path].append(({"title": title, "link": link}, children))
                nodes[path] = children
        return nodes[root.path]
