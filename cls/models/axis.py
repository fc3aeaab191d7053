from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cls.documents.privacy import visible_documents
from contacts.models import ContactCard
from home.blocks import BodyStreamBlock
from home.images import HeroImageMixin, Picture, cached_pictures
from home.page_cache import cached_site_data
from home.visibility import exclude_private

from .contract import ContractPage
from .documents import RelatedDocument

# Shown 48 px wide at most beside the axis's title and on its card.
PICTOGRAM_FILTER = "max-96x96|preserve-svg"


class AxisColour(models.TextChoices):
    """Accent colours of the stylesheet, all with AA contrast on white."""

    TEAL = "teal", _("Bleu-vert")
    BLUE = "blue", _("Bleu")
    PURPLE = "purple", _("Violet")
    ORANGE = "orange", _("Orange brûlé")
    GREEN = "green", _("Vert")
    RED = "red", _("Rouge brique")


class PriorityBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Priorité"), max_length=200, help_text=_("La priorité, en une phrase.")
    )
    objectives = blocks.ListBlock(
        blocks.CharBlock(label=_("Objectif"), max_length=250),
        label=_("Objectifs opérationnels"),
        help_text=_("Ce que l'on veut obtenir pour cette priorité, un objectif par ligne."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Priorité")
        template = "cls/blocks/priority.html"
        description = _("Une priorité de l'axe et ses objectifs opérationnels.")
        preview_value = {
            "title": "Favoriser l'installation de professionnels de santé",
            "objectives": ["Accueillir les internes en médecine", "Soutenir les maisons de santé"],
        }


class AxisPage(HeroImageMixin, Page):
    """A strategic axis of a contract; its children are the action sheets."""

    number = models.PositiveSmallIntegerField(
        _("numéro"),
        null=True,
        blank=True,
        help_text=_("Le numéro de l'axe (1, 2, 3…). Vide pour un axe transversal."),
    )
    is_transversal = models.BooleanField(
        _("axe transversal"),
        default=False,
        help_text=_("Un axe qui concerne tous les autres, comme la mobilité."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        help_text=_("Les enjeux de l'axe tels que le diagnostic les a fait apparaître."),
    )
    priorities = StreamField(
        [("priority", PriorityBlock())],
        verbose_name=_("priorités et objectifs"),
        blank=True,
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("contenu libre"),
        blank=True,
        help_text=_("Facultatif : questions fréquentes, vidéo, chiffres clés… sous les priorités."),
    )
    colour = models.CharField(
        _("couleur"),
        max_length=10,
        choices=AxisColour.choices,
        default=AxisColour.TEAL,
        help_text=_("Couleur d'accent de l'axe ; toutes sont lisibles sur fond blanc."),
    )
    pictogram = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("pictogramme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif. Une petite icône carrée (SVG de préférence) qui représente l'axe, "
            "affichée à côté de son titre ; décorative, elle n'a pas de texte alternatif."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("is_transversal")]),
                FieldPanel("colour"),
                FieldPanel("pictogram"),
            ],
            heading=_("Identification"),
        ),
        *HeroImageMixin.hero_panels,
        FieldPanel("description"),
        FieldPanel("priorities"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Document"), heading=_("Documents liés")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cls.ContractPage"]
    subpage_types = ["cls.ActionPage"]
    # Foreign keys the page shows, fetched with it by HomePage.route.
    route_select_related = ["hero_image"]

    class Meta:
        verbose_name = _("axe stratégique")
        verbose_name_plural = _("axes stratégiques")

    @property
    def label(self):
        return axis_label(self.number, self.is_transversal)

    @property
    def meta_description(self):
        """For search engines when the axis has no description (home/meta.py)."""
        axis = f"{self.label} – {self.title}" if self.label else self.title
        priorities = "; ".join(block.value["title"] for block in self.priorities)
        if priorities:
            return _("%(axis)s. Priorités : %(priorities)s") % {
                "axis": axis,
                "priorities": priorities,
            }
        return _("%(axis)s : priorités, objectifs et fiches action du contrat local de santé.") % {
            "axis": axis
        }

    def get_context(self, request, *args, **kwargs):
        from .action import ActionPage, action_cards

        context = super().get_context(request, *args, **kwargs)
        context["actions"] = action_cards(
            exclude_private(ActionPage.objects.live().child_of(self), request).order_by("path"),
            request,
        )
        links = self.documents.select_related("document").defer("document__extracted_text")
        context["related_documents"] = visible_documents([link.document for link in links], request)
        context["contact"] = self.contract_contact(request)
        pictograms = cached_pictures(request, [self.pictogram_id], PICTOGRAM_FILTER)
        context["pictogram"] = pictograms.get(self.pictogram_id)
        return context

    def contract_contact(self, request):
        """The contact card of the contract this axis belongs to, in one query, kept with
        the site's data (publishing the contract changes its content version)."""
        contract_path = self.path[: -self.steplen]

        def find_contact():
            contract = ContractPage.objects.filter(path=contract_path)
            return ContactCard.displayed(pk__in=contract.values("contact_id"))

        return cached_site_data(request, f"contract-contact:{contract_path}", find_contact)


def axis_label(number, is_transversal):
    if is_transversal:
        return _("Axe transversal")
    return _("Axe %(number)s") % {"number": number} if number else ""


@dataclass(frozen=True)
class AxisCard:
    """What the list of a contract's axes shows of each (ContractPage.child_links)."""

    title: str
    url: str
    colour: str
    label: str
    pictogram: Picture | None = None


class AxisDocument(RelatedDocument):
    page = ParentalKey(AxisPage, on_delete=models.CASCADE, related_name="documents")
