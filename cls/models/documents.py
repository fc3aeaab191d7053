"""The site's document model and the pages that list documents."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class DocumentType(models.TextChoices):
    MINUTES = "compte-rendu", _("Compte-rendu")
    CONTRACT = "contrat", _("Contrat")
    AMENDMENT = "avenant", _("Avenant")
    DIAGNOSTIC = "diagnostic", _("Diagnostic")
    EVALUATION = "evaluation", _("Évaluation")
    APPENDIX = "annexe", _("Annexe")
    OTHER = "autre", _("Autre")


class GoverningBody(models.TextChoices):
    STEERING = "copil", _("Comité de pilotage (COPIL)")
    TECHNICAL = "cotech", _("Comité technique (COTECH)")
    WORKING_GROUP = "groupe", _("Groupe de travail")
    OTHER = "autre", _("Autre")


class SiteDocument(AbstractDocument):
    date = models.DateField(
        _("date du document"),
        null=True,
        blank=True,
        help_text=_("Date de la réunion ou de la signature ; sert au classement par année."),
    )
    document_type = models.CharField(
        _("type de document"),
        max_length=20,
        choices=DocumentType.choices,
        default=DocumentType.OTHER,
    )
    body = models.CharField(
        _("instance"),
        max_length=10,
        choices=GoverningBody.choices,
        blank=True,
        help_text=_("L'instance qui a produit le document, s'il y a lieu."),
    )
    body_name = models.CharField(
        _("nom du groupe ou de l'instance"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Mieux vieillir » pour un groupe de travail."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Une ou deux phrases sur le contenu.")
    )
    language = models.CharField(
        _("langue du document"),
        max_length=8,
        default="fr",
        help_text=_("Code de langue, par exemple « fr » ou « en »."),
    )
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)

    admin_form_fields = (
        *WagtailDocument.admin_form_fields,
        "date",
        "document_type",
        "body",
        "body_name",
        "description",
        "language",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("document_type"),
        index.FilterField("date"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "title"]

    @property
    def format_label(self):
        return self.file_extension.upper()


class DocumentCollectionPage(Page):
    """An ordered list of documents, grouped by year, e.g. a working group's minutes."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Présente la série de documents (qui les produit, à quel rythme)."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Les documents de cette collection sont listés. Vide : tous les documents."),
    )
    document_type = models.CharField(
        _("type de document"),
        max_length=20,
        choices=DocumentType.choices,
        blank=True,
        help_text=_("Ne garder que ce type de document. Vide : tous les types."),
    )
    body_name = models.CharField(
        _("groupe ou instance"),
        max_length=150,
        blank=True,
        help_text=_("Ne garder que les documents de ce groupe, par exemple « Mieux vieillir »."),
    )
    per_page = 20

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("collection"), FieldPanel("document_type"), FieldPanel("body_name")],
            heading=_("Documents à lister"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cls.ContractPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("liste de documents")
        verbose_name_plural = _("listes de documents")

    def get_documents(self):
        documents = SiteDocument.objects.all()
        if self.collection_id:
            documents = documents.filter(collection_id=self.collection_id)
        if self.document_type:
            documents = documents.filter(document_type=self.document_type)
        if self.body_name:
            documents = documents.filter(body_name=self.body_name)
        return documents.order_by("-date", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_documents(), self.per_page)
        context["documents_page"] = paginator.get_page(request.GET.get("page"))
        return context
