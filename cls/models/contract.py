from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cls.communes_field import CommunesPanel
from cls.documents.privacy import hidden_collection_ids, is_private
from contacts.models import ContactCard
from home.blocks import BodyStreamBlock
from home.images import HeroImageMixin, cached_pictures
from home.routing import page_url, url_below_root
from home.visibility import exclude_private

from ..validation import check_end_after_start, check_not_itself
from .documents import SiteDocument
from .generations import neighbour_generations
from .snippets import PartnerRole, with_logos


class ContractStatus(models.TextChoices):
    DRAFTING = "elaboration", _("En élaboration")
    SIGNED = "signe", _("Signé")
    RUNNING = "en-cours", _("En cours")
    EXPIRED = "echu", _("Échu")


# How the home page introduces its featured contract: never "en cours" once it has ended.
FEATURED_HEADINGS = {
    ContractStatus.DRAFTING: _("Le contrat en préparation"),
    ContractStatus.SIGNED: _("Le contrat signé"),
    ContractStatus.RUNNING: _("Le contrat en cours"),
    ContractStatus.EXPIRED: _("Le contrat précédent"),
}


class ContractPage(HeroImageMixin, RoutablePageMixin, Page):
    """The landing page of one generation of a contrat local de santé (CLS 1, CLS 2…)."""

    generation_label = models.CharField(
        _("génération"),
        max_length=40,
        help_text=_("Par exemple « CLS 2 » ou « Préfiguration »."),
    )
    status = models.CharField(
        _("état"), max_length=12, choices=ContractStatus.choices, default=ContractStatus.DRAFTING
    )
    signature_date = models.DateField(_("date de signature"), null=True, blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    summary = models.TextField(
        _("résumé"),
        max_length=600,
        blank=True,
        help_text=_("Ce que le contrat apporte aux habitants, en deux ou trois phrases."),
    )
    definition = RichTextField(
        _("définition et cadre légal"),
        blank=True,
        help_text=_("Ce qu'est un CLS et sur quel texte il repose (loi HPST du 21 juillet 2009)."),
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objectif"), max_length=300))],
        verbose_name=_("objectifs"),
        blank=True,
        help_text=_("Un objectif par ligne, en commençant par un verbe."),
    )
    health_problems = StreamField(
        [("problem", blocks.CharBlock(label=_("Problème de santé"), max_length=300))],
        verbose_name=_("problèmes de santé du diagnostic"),
        blank=True,
        help_text=_("Les constats du diagnostic local de santé, un par ligne."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu libre"), blank=True)
    communes = ParentalManyToManyField(
        "cls.Commune",
        verbose_name=_("communes couvertes"),
        blank=True,
        related_name="contracts",
        help_text=_("Les communes du territoire du contrat."),
    )
    territory_description = models.TextField(
        _("présentation du territoire"),
        blank=True,
        help_text=_("Par exemple « les 2 communautés de communes de la haute vallée »."),
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("carte du territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Décrivez la carte dans le texte alternatif de l'image."),
    )
    contract_document = models.ForeignKey(
        "cls.SiteDocument",
        verbose_name=_("contrat signé (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diagnostic_document = models.ForeignKey(
        "cls.SiteDocument",
        verbose_name=_("diagnostic local de santé (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        "contacts.ContactCard",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le ou la chargé(e) de mission santé."),
    )
    previous_generation = models.ForeignKey(
        "cls.ContractPage",
        verbose_name=_("génération précédente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_generations",
        help_text=_("Le contrat que celui-ci prolonge, par exemple le CLS 1 pour un CLS 2."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("generation_label"), FieldPanel("status")]),
                FieldRowPanel(
                    [
                        FieldPanel("signature_date"),
                        FieldPanel("start_date"),
                        FieldPanel("end_date"),
                    ]
                ),
                FieldPanel("previous_generation"),
            ],
            heading=_("Le contrat"),
        ),
        FieldPanel("summary"),
        *HeroImageMixin.hero_panels,
        FieldPanel("definition"),
        FieldPanel("objectives"),
        FieldPanel("health_problems"),
        MultiFieldPanel(
            [FieldPanel("contract_document"), FieldPanel("diagnostic_document")],
            heading=_("Documents clés"),
        ),
        InlinePanel("amendments", label=_("Avenants"), heading=_("Avenants")),
        InlinePanel("partners", label=_("Signataire ou partenaire"), heading=_("Partenaires")),
        MultiFieldPanel(
            [
                FieldPanel("territory_description"),
                CommunesPanel("communes"),
                FieldPanel("map_image"),
            ],
            heading=_("Territoire"),
        ),
        FieldPanel("contact"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("definition"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cls.AxisPage", "cls.DocumentCollectionPage", "home.ContentPage"]

    class Meta:
        verbose_name = _("contrat local de santé")
        verbose_name_plural = _("contrats locaux de santé")

    # Foreign keys the page shows, fetched with it by HomePage.route.
    route_select_related = [
        "map_image",  # the key documents and the contact: load_key_documents_and_contact
        "hero_image",
    ]

    def clean(self):
        super().clean()
        check_end_after_start(self.start_date, self.end_date, "end_date")
        check_not_itself(
            self,
            self.previous_generation_id,
            "previous_generation",
            _("Choisissez le contrat que celui-ci prolonge, pas ce contrat-ci."),
        )

    @property
    def featured_heading(self):
        return FEATURED_HEADINGS.get(self.status, _("Le contrat"))

    @cached_property
    def territory_communes(self):
        # Names and populations, not Commune objects: a territory can have 140 communes.
        return list(self.communes.values("name", "population"))

    @path("suivi/", name="tracker")
    def tracker(self, request):
        """Every action with its progress, filterable (see cls/tracker.py)."""
        from cls.tracker import rollup, tracker_data

        data = tracker_data(self, request)
        data["rollup"] = rollup(data["axes"], data["rows"])
        # Page.get_context only: the tracker shows none of the contract page's own lists.
        context = {**Page.get_context(self, request), **data}
        return TemplateResponse(request, "cls/contract_tracker.html", context)

    @path("suivi/csv/", name="tracker_csv")
    def tracker_csv(self, request):
        from cls.open_data import csv_response
        from cls.tracker import tracker_data

        return csv_response(self, tracker_data(self, request)["rows"], request)

    @path("suivi/json/", name="tracker_json")
    def tracker_json(self, request):
        from cls.open_data import json_response
        from cls.tracker import tracker_data

        data = tracker_data(self, request)
        return json_response(self, data["rows"], data["filters"], request)

    @cached_property
    def territory_totals(self):
        """Commune count and population of the territory (no population if none is known)."""
        populations = [
            c["population"] for c in self.territory_communes if c["population"] is not None
        ]
        return {
            "count": len(self.territory_communes),
            "population": sum(populations) if populations else None,
        }

    def load_key_documents_and_contact(self, request):
        """The contract and the diagnostic, in a small query of their own (joined to the
        page's query, with the contact card, they made a join of 8 tables that PostgreSQL
        took 3 ms to plan), and the contact card, from the site's data."""
        document_ids = [self.contract_document_id, self.diagnostic_document_id]
        # The text extracted for the search index is long and never shown.
        documents = SiteDocument.objects.defer("extracted_text").in_bulk(filter(None, document_ids))
        hidden = hidden_collection_ids(request)
        for document in list(documents.values()):
            if document.collection_id in hidden:
                del documents[document.pk]
        self.contract_document = documents.get(self.contract_document_id)
        self.diagnostic_document = documents.get(self.diagnostic_document_id)
        self.contact = ContactCard.for_display(self.contact_id, request)

    def visible_amendments(self, request):
        """The amendments, each without its document when the visitor may not open it."""
        amendments = list(
            self.amendments.select_related("document").defer("document__extracted_text")
        )
        for amendment in amendments:
            if amendment.document and is_private(amendment.document, request):
                amendment.document = None
        return amendments

    def child_links(self, request):
        """The contract's axes, as cards, and its other children (document lists, pages), as
        links: one query for both, rows rather than Page objects, URLs from url_path."""
        from .axis import PICTOGRAM_FILTER, AxisCard, AxisPage, axis_label

        axis_type = ContentType.objects.get_for_model(AxisPage).pk
        rows = list(
            exclude_private(self.get_children().live(), request)
            .order_by("path")
            .values_list(
                "content_type",
                "title",
                "url_path",
                "axispage__colour",
                "axispage__number",
                "axispage__is_transversal",
                "axispage__pictogram",
            )
        )
        pictograms = cached_pictures(request, [row[-1] for row in rows], PICTOGRAM_FILTER)
        axes, others = [], []
        for content_type, title, url_path, colour, number, is_transversal, pictogram in rows:
            url = url_below_root(request, url_path)
            if content_type == axis_type:
                label = axis_label(number, is_transversal)
                axes.append(AxisCard(title, url, colour, label, pictograms.get(pictogram)))
            else:
                others.append(PageLink(title, url))
        return axes, others

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.load_key_documents_and_contact(request)
        context["axes"], context["resources"] = self.child_links(request)
        # Not {% routablepageurl %}: it compares the page with every site's root.
        context["tracker_url"] = page_url(request, self) + self.reverse_subpage("tracker")
        context["partners"] = with_logos(self.partners)
        context["amendments"] = self.visible_amendments(request)
        context["previous_generation"], context["next_generations"] = neighbour_generations(
            self, request
        )
        return context


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


class ContractPartner(PartnerRole):
    page = ParentalKey(ContractPage, on_delete=models.CASCADE, related_name="partners")
    is_signatory = models.BooleanField(_("signataire"), default=False)

    panels = [*PartnerRole.panels, FieldPanel("is_signatory")]

    class Meta(PartnerRole.Meta):
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")


class Amendment(TranslatableMixin, Orderable):
    """An amendment to the contract; its subject is translated with the page."""

    page = ParentalKey(ContractPage, on_delete=models.CASCADE, related_name="amendments")
    date = models.DateField(_("date"))
    subject = models.CharField(
        _("objet"), max_length=250, help_text=_("Ce que l'avenant modifie, en une phrase.")
    )
    document = models.ForeignKey(
        "cls.SiteDocument",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("date"), FieldPanel("subject"), FieldPanel("document")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("avenant")
        verbose_name_plural = _("avenants")
