from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cls.communes_field import CommunesPanel
from cls.documents.privacy import visible_documents
from contacts.models import ContactCard
from home.blocks import BodyStreamBlock
from home.models.example import ExampleContent
from home.routing import parent_of, url_below_root

from ..numbers import parse_number
from ..validation import check_end_after_start, check_not_itself
from .documents import RelatedDocument
from .generations import carried_over_links
from .snippets import PartnerRole, with_logos


class ActionStatus(models.TextChoices):
    PLANNED = "a-venir", _("À venir")
    RUNNING = "en-cours", _("En cours")
    DONE = "realisee", _("Réalisée")
    RENEWED = "reconduite", _("Reconduite")
    SUSPENDED = "suspendue", _("Suspendue")
    ABANDONED = "abandonnee", _("Abandonnée")


@dataclass(frozen=True)
class ActionCard:
    """What a list of action sheets shows of each, read from a row rather than a page."""

    pk: int
    title: str
    url: str
    code: str
    status: str
    status_label: str
    summary: str
    pilot_name: str | None
    whole_territory: bool
    is_example: bool


def action_cards(actions, request):
    """Cards for the action sheets of a queryset, in its order: one query, no Page objects.

    Building 40 ActionPage objects (with their tree, revision and cluster fields) took
    longer than the rest of an axis page.
    """
    labels = dict(ActionStatus.choices)
    rows = actions.values_list(
        "pk",
        "title",
        "url_path",
        "code",
        "status",
        "summary",
        "pilot__name",
        "whole_territory",
        "example_note",
    )
    return [
        ActionCard(
            pk,
            title,
            url_below_root(request, url_path),
            code,
            status,
            labels.get(status, ""),
            summary,
            pilot_name,
            whole_territory,
            bool(example_note),
        )
        for (
            pk,
            title,
            url_path,
            code,
            status,
            summary,
            pilot_name,
            whole_territory,
            example_note,
        ) in rows
    ]


def amount_in_euros(verbose_name, **options):
    """An optional sum of money, never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        **options,
    )


class Recurrence(models.TextChoices):
    ONCE = "ponctuelle", _("Ponctuelle")
    WEEKLY = "hebdomadaire", _("Chaque semaine")
    MONTHLY = "mensuelle", _("Chaque mois")
    YEARLY = "annuelle", _("Chaque année")
    CONTINUOUS = "continue", _("En continu")


class ActionPage(ExampleContent, Page):
    """A "fiche action": one concrete action of an axis of the contract."""

    code = models.CharField(
        _("code"),
        max_length=10,
        blank=True,
        help_text=_("Numéro de la fiche, par exemple « 2.3 » (axe 2, action 3)."),
    )
    summary = models.TextField(
        _("résumé"),
        max_length=400,
        blank=True,
        help_text=_("Ce que fait l'action, en une ou deux phrases ; affiché dans les listes."),
    )
    status = models.CharField(
        _("état d'avancement"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
    )
    context = RichTextField(
        _("contexte"),
        blank=True,
        help_text=_("Le constat du diagnostic qui justifie l'action."),
    )
    objectives = RichTextField(
        _("objectifs"), blank=True, help_text=_("Ce que l'action veut changer, en une liste.")
    )
    description = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("Le déroulement de l'action : étapes, lieux, modalités."),
    )
    pilot = models.ForeignKey(
        "cls.Organisation",
        verbose_name=_("pilote"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La structure qui porte l'action."),
    )
    target_publics = ParentalManyToManyField(
        "cls.TargetPublic",
        verbose_name=_("publics cibles"),
        blank=True,
        related_name="actions",
    )
    whole_territory = models.BooleanField(
        _("tout le territoire"),
        default=True,
        help_text=_("Décochez pour choisir les communes concernées."),
    )
    communes = ParentalManyToManyField(
        "cls.Commune",
        verbose_name=_("communes concernées"),
        blank=True,
        related_name="actions",
        help_text=_("Seulement si l'action ne concerne pas tout le territoire."),
    )
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    recurrence = models.CharField(
        _("fréquence"), max_length=15, choices=Recurrence.choices, blank=True
    )
    budget = amount_in_euros(_("budget (€)"), help_text=_("Budget prévisionnel total en euros."))
    evaluation = RichTextField(
        _("évaluation"), blank=True, help_text=_("Bilan qualitatif de l'action, s'il existe.")
    )
    contact = models.ForeignKey(
        "contacts.ContactCard",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La personne à contacter au sujet de cette action."),
    )
    carried_over_from = models.ForeignKey(
        "cls.ActionPage",
        verbose_name=_("reconduite de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
        help_text=_(
            "La même action dans la génération précédente du contrat (par exemple au CLS 1), "
            "si elle est reconduite."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("code"), FieldPanel("status")]), FieldPanel("summary")],
            heading=_("Identification"),
        ),
        FieldPanel("context"),
        FieldPanel("objectives"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("pilot"), InlinePanel("partners", label=_("Partenaire"))],
            heading=_("Pilotage et partenaires"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_publics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("whole_territory"),
                CommunesPanel("communes", action=True),
            ],
            heading=_("Publics et territoire"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("recurrence"),
            ],
            heading=_("Calendrier"),
        ),
        InlinePanel("events", label=_("Date"), heading=_("Rendez-vous")),
        MultiFieldPanel(
            [FieldPanel("budget"), InlinePanel("funders", label=_("Financeur"))],
            heading=_("Budget et financeurs"),
        ),
        InlinePanel("indicators", label=_("Indicateur"), heading=_("Indicateurs")),
        FieldPanel("evaluation"),
        InlinePanel("documents", label=_("Document"), heading=_("Documents liés")),
        FieldPanel("contact"),
        FieldPanel("carried_over_from"),
        ExampleContent.example_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.FilterField("status"),
    ]

    override_translatable_fields = [SynchronizedField("code")]

    parent_page_types = ["cls.AxisPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches action")

    # Foreign keys the page shows, fetched with it by HomePage.route.
    route_select_related = ["pilot"]

    def clean(self):
        super().clean()
        check_end_after_start(self.start_date, self.end_date, "end_date")
        check_not_itself(
            self,
            self.carried_over_from_id,
            "carried_over_from",
            _("Choisissez la fiche de la génération précédente, pas cette fiche-ci."),
        )

    def get_context(self, request, *args, **kwargs):
        self.contact = ContactCard.for_display(self.contact_id, request)
        context = super().get_context(request, *args, **kwargs)
        context["axis"] = parent_of(request, self)
        context["partners"] = with_logos(self.partners)
        context["funders"] = self.funders.select_related("organisation")
        links = self.documents.select_related("document").defer("document__extracted_text")
        context["related_documents"] = visible_documents([link.document for link in links], request)
        context["events"] = self.events.select_related("commune")
        context["generation_links"] = carried_over_links(self, request)
        return context


class ActionPartner(PartnerRole):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="partners")


class ActionFunder(TranslatableMixin, Orderable):
    """A funder and its amount; translated with the page, to show the funder's translation."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="funders")
    organisation = models.ForeignKey(
        "cls.Organisation",
        verbose_name=_("financeur"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    amount = amount_in_euros(_("montant (€)"))

    panels = [FieldPanel("organisation"), FieldPanel("amount")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class ActionIndicator(TranslatableMixin, Orderable):
    """What an action measures. Its label is translated with the page, like the action's
    events; target and value are synchronised: the tracker compares them as numbers, and a
    figure updated in French must not stay stale in a translation."""

    class Kind(models.TextChoices):
        QUANTITATIVE = "quantitatif", _("Quantitatif")
        QUALITATIVE = "qualitatif", _("Qualitatif")

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(
        _("indicateur"),
        max_length=200,
        help_text=_("Par exemple « nombre de participants »."),
    )
    kind = models.CharField(
        _("nature"), max_length=12, choices=Kind.choices, default=Kind.QUANTITATIVE
    )
    target = models.CharField(
        _("cible"), max_length=100, blank=True, help_text=_("La valeur visée, par exemple « 150 ».")
    )
    value = models.CharField(_("valeur atteinte"), max_length=100, blank=True)
    measured_on = models.DateField(_("date de la mesure"), null=True, blank=True)

    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("target"),
        SynchronizedField("value"),
        SynchronizedField("kind"),
        SynchronizedField("measured_on"),
    ]

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("target"), FieldPanel("value"), FieldPanel("measured_on")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def clean(self):
        """A quantitative indicator's target and value hold a number: the tracker compares
        them (cls/tracker.py)."""
        if self.kind != self.Kind.QUANTITATIVE:
            return
        message = _(
            "Un indicateur quantitatif se mesure par un nombre, par exemple « 150 » ou "
            "« 80 % ». Pour une appréciation en mots, choisissez la nature « Qualitatif »."
        )
        errors = {
            name: message
            for name in ("target", "value")
            if getattr(self, name) and parse_number(getattr(self, name)) is None
        }
        if errors:
            raise ValidationError(errors)


class ActionDocument(RelatedDocument):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="documents")


class ActionEvent(TranslatableMixin, Orderable):
    """A dated occurrence of an action: a screening day, the Semaine bleue week…

    Translatable with its action page: each language's page has its own events, linked
    across languages by their translation key (the agenda's language switcher uses it).
    """

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("intitulé"), max_length=200)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"), null=True, blank=True)
    place = models.CharField(
        _("lieu"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « Salle des fêtes »."),
    )
    commune = models.ForeignKey(
        "cls.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    audience = models.CharField(
        _("public"),
        max_length=200,
        blank=True,
        help_text=_("À qui s'adresse ce rendez-vous, par exemple « Personnes de 60 ans et plus »."),
    )
    description = models.TextField(
        _("présentation"),
        max_length=1000,
        blank=True,
        help_text=_("Ce qui se passe pendant ce rendez-vous, en quelques phrases."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("commune")]),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("registration_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("rendez-vous")
        verbose_name_plural = _("rendez-vous")

    def clean(self):
        check_end_after_start(self.start, self.end, "end")

    @property
    def is_past(self):
        """Over: its end (its start when it has none) has gone by."""
        return (self.end or self.start) < timezone.now()
