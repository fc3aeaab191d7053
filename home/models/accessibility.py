"""The accessibility statement, following the RGAA model (decree 2019-768, article 3)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from home.panels import ToCompletePanel

from .legal import LegalPage

LIST_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class AccessibilityStatementPage(LegalPage):
    """Déclaration d'accessibilité: every section of the official model is shown; an empty
    field reads « Non renseigné » (or the model's sentence for no audit), never a value."""

    meta_description = _(
        "Déclaration d'accessibilité du site : état de conformité, contenus non accessibles "
        "et voies de recours."
    )

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
        _("non-conformités"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Les non-conformités relevées par l'audit, une par ligne de liste."),
    )
    derogations = RichTextField(
        _("dérogations pour charge disproportionnée"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Les contenus dispensés pour charge disproportionnée, et pourquoi."),
    )
    exempt_content = RichTextField(
        _("contenus non soumis à l'obligation d'accessibilité"),
        blank=True,
        features=LIST_FEATURES,
        help_text=_("Par exemple des documents bureautiques publiés avant le 23 septembre 2018."),
    )
    technologies = models.CharField(
        _("technologies utilisées"), max_length=200, default="HTML5, CSS"
    )
    test_environment = models.TextField(
        _("environnement de test"),
        blank=True,
        help_text=_("Navigateurs et lecteurs d'écran utilisés, par exemple « Firefox et NVDA »."),
    )
    assessment_tools = models.TextField(
        _("outils pour évaluer l'accessibilité"),
        blank=True,
        help_text=_("Par exemple « Validateur HTML du W3C, extension axe DevTools »."),
    )
    audited_pages = models.TextField(
        _("pages vérifiées"),
        blank=True,
        help_text=_("Les pages du site qui ont fait l'objet de la vérification, une par ligne."),
    )
    contact_email = models.EmailField(
        _("adresse électronique de contact"),
        blank=True,
        help_text=_(
            "Pour signaler un défaut d'accessibilité ; le formulaire de contact du "
            "site est proposé aussi."
        ),
    )
    contact_means = RichTextField(
        _("autres moyens de contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Courrier, téléphone, accueil du public…"),
    )

    content_panels = [
        *LegalPage.content_panels,
        ToCompletePanel(),
        FieldPanel("statement_date"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("audited_by")]),
                FieldRowPanel([FieldPanel("compliance_rate"), FieldPanel("rgaa_version")]),
            ],
            heading=_("Résultats des tests"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_accessible_content"),
                FieldPanel("derogations"),
                FieldPanel("exempt_content"),
            ],
            heading=_("Contenus non accessibles"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("assessment_tools"),
                FieldPanel("audited_pages"),
            ],
            heading=_("Établissement de la déclaration"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_means")],
            heading=_("Retour d'information et contact"),
        ),
    ]

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")

    @property
    def has_audit(self):
        return self.compliance_rate is not None

    @property
    def audited_page_list(self):
        return [line.strip() for line in self.audited_pages.splitlines() if line.strip()]

    def missing_information(self):
        from .site_settings import AccessibilityStatus

        missing = []
        if not self.statement_date:
            missing.append(_("la date de la déclaration"))
        if not self.has_audit:
            missing.append(_("les résultats de l'audit (taux de conformité, date, auditeur)"))
            site_settings = self.site_settings()
            if (
                site_settings
                and site_settings.accessibility_status != AccessibilityStatus.NON_COMPLIANT
            ):
                missing.append(
                    _("sans audit, le site doit être déclaré « non conforme » (réglages du site)")
                )
        for name in ("test_environment", "assessment_tools", "audited_pages"):
            if not getattr(self, name):
                missing.append(self._meta.get_field(name).verbose_name)
        return missing
