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
from home.models.example import ExampleContent
from home.routing import route_below
from home.visibility import exclude_private, is_visible


class HomePage(Page):
    """The root page of one CLS site."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Deux ou trois phrases qui présentent la démarche aux habitants."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'en-tête"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image décorative affichée en haut de l'accueil (format paysage)."),
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
        FieldPanel("hero_image"),
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
        # Usually one of the contracts just read: then no query for it.
        featured = [c for c in context["contracts"] if c.pk == self.featured_contract_id]
        if not featured and is_visible(self.featured_contract, request):
            featured = [self.featured_contract]  # a contract elsewhere in the tree
        context["featured_contract"] = featured[0] if featured else None
        if featured:  # its axes, as on the contract page, in this page's language
            context["featured_axes"] = self.featured_axes(featured[0], request)
        if len(context["contracts"]) > 1:  # the timeline lists each generation's amendments
            prefetch_related_objects(context["contracts"], "amendments")
            context["generations"] = in_generation_order(context["contracts"])
        context["news_index"], context["latest_news"] = latest_news(self, request)
        context["agenda"], context["upcoming_events"] = AgendaPage.next_events(self, request)
        return context

    def featured_axes(self, contract, request):
        """The axes of the contract in this page's language (none if it is not translated):
        one query, two for a contract linked from another language's tree."""
        if contract.locale_id != self.locale_id:
            translations = (
                type(contract)
                .objects.live()
                .filter(translation_key=contract.translation_key, locale_id=self.locale_id)
            )
            contract = translations.first()
        return contract.child_links(request)[0] if contract else []


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
