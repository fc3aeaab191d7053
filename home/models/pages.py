from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock, KeyFigureBlock, LinkBlock
from home.i18n import get_active_locale
from home.images import HeroImageMixin
from home.models.example import ExampleContent
from home.routing import route_below
from home.visibility import exclude_private


class HomePage(HeroImageMixin, Page):
    """The root page of one CLS site."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Deux ou trois phrases qui présentent la démarche aux habitants."),
    )
    featured_contract = models.ForeignKey(
        "cls.ContractPage",
        verbose_name=_("contrat mis en avant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Le contrat en cours, présenté en premier sur l'accueil."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("chiffres clés"),
        blank=True,
        max_num=6,
        help_text=_("Jusqu'à six chiffres marquants (communes, habitants, actions…)."),
    )
    quick_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("accès rapides"),
        blank=True,
        max_num=8,
        help_text=_("Les liens les plus demandés : diagnostic, contact, comptes-rendus…"),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("featured_contract"),
        FieldPanel("key_figures"),
        FieldPanel("quick_links"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cls.ContractPage",
        "home.ContentPage",
        "contacts.ContactPage",
        "home.LegalNoticePage",
        "home.PersonalDataPage",
        "home.AccessibilityStatementPage",
        "home.SitemapPage",
        "cls.CommuneFinderPage",
        "home.NewsIndexPage",
        "cls.AgendaPage",
    ]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def route(self, request, path_components):
        # Without a home page in the requested language, Wagtail falls back to the
        # French tree: answer 404 rather than French pages in an English frame.
        if self.locale_id != get_active_locale(request).pk:
            raise Http404
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        from cls.models import AgendaPage, ContractPage, in_generation_order

        from .news import latest_news

        context = super().get_context(request, *args, **kwargs)
        context["contracts"] = list(
            exclude_private(ContractPage.objects.live().child_of(self), request).order_by(
                "-start_date"
            )
        )
        featured = self.localized_featured_contract(context["contracts"], request)
        context["featured_contract"] = featured
        if featured and featured.locale_id == self.locale_id:
            # Its axes, as on the contract page (none for a contract left untranslated).
            context["featured_axes"] = featured.child_links(request)[0]
        if len(context["contracts"]) > 1:  # the timeline lists each generation's amendments
            prefetch_related_objects(context["contracts"], "amendments")
            context["generations"] = in_generation_order(context["contracts"])
        context["news_index"], context["latest_news"] = latest_news(self, request)
        context["agenda"], context["upcoming_events"] = AgendaPage.next_events(self, request)
        return context

    def localized_featured_contract(self, contracts, request):
        """The featured contract in this page's language, else as chosen (if visible).

        Usually one of the contracts just read: then no query. The page chooser keeps
        the contract chosen in the source language: a translated home page finds the
        contract's translation, in one query.
        """
        if not self.featured_contract_id:
            return None
        featured = next((c for c in contracts if c.pk == self.featured_contract_id), None)
        if featured is not None:
            return featured
        from cls.models import ContractPage

        chosen = ContractPage.objects.filter(pk=self.featured_contract_id)
        candidates = exclude_private(
            ContractPage.objects.live().filter(
                translation_key__in=chosen.values("translation_key")
            ),
            request,
        )
        by_locale = {contract.locale_id: contract for contract in candidates}
        return by_locale.get(self.locale_id) or next(
            (c for c in by_locale.values() if c.pk == self.featured_contract_id), None
        )


class ContentPage(ExampleContent, Page):
    """A generic editorial page: presentation, working group, legal notice…"""

    intro = models.TextField(
        _("chapeau"),
        blank=True,
        max_length=500,
        help_text=_("Le résumé affiché en tête de page et dans les listes."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        ExampleContent.example_panel,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage", "cls.ContractPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
