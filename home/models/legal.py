"""The pages every French public website must have, built from structured fields."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import BodyStreamBlock
from home.routing import parent_of, url_below_root
from home.visibility import exclude_private


class LegalPage(Page):
    """Shared by the legal pages: one of each per site, directly under the home page."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class LegalNoticePage(LegalPage):
    """Mentions légales: publisher, director of publication and host come from the settings."""

    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("compléments"),
        blank=True,
        help_text=_(
            "Crédits, propriété intellectuelle… L'éditeur, le directeur de la publication et "
            "l'hébergeur s'affichent d'après les réglages du site."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("mentions légales")
        verbose_name_plural = _("mentions légales")


class AccessibilityStatementPage(LegalPage):
    """Déclaration d'accessibilité as the RGAA model asks (decree 2019-768, article 3)."""

    statement_date = models.DateField(
        _("date de la déclaration"), null=True, blank=True, help_text=_("Date d'établissement.")
    )
    audit_date = models.DateField(_("date de l'audit"), null=True, blank=True)
    audited_by = models.CharField(
        _("audit réalisé par"),
        max_length=200,
        blank=True,
        help_text=_("La structure ou le cabinet qui a fait l'audit. Vide : auto-évaluation."),
    )
    compliance_rate = models.DecimalField(
        _("taux de conformité (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Pourcentage de critères RGAA respectés, donné par l'audit."),
    )
    rgaa_version = models.CharField(_("version du RGAA"), max_length=10, default="4.1")
    non_accessible_content = RichTextField(
        _("contenus non accessibles"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Les non-conformités relevées, les dérogations et leurs raisons."),
    )
    technologies = models.CharField(
        _("technologies utilisées"), max_length=200, default="HTML5, CSS"
    )
    test_environment = models.TextField(
        _("environnement de test"),
        blank=True,
        help_text=_("Navigateurs et lecteurs d'écran utilisés, par exemple « Firefox et NVDA »."),
    )
    contact_means = RichTextField(
        _("retour d'information et contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Comment signaler un défaut d'accessibilité : formulaire, courrier, téléphone."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("statement_date"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("audited_by")]),
                FieldRowPanel([FieldPanel("compliance_rate"), FieldPanel("rgaa_version")]),
            ],
            heading=_("Résultats des tests"),
        ),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [FieldPanel("technologies"), FieldPanel("test_environment")],
            heading=_("Établissement de la déclaration"),
        ),
        FieldPanel("contact_means"),
    ]

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")


class SitemapPage(LegalPage):
    """Plan du site: the site's page tree, read in one query."""

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
