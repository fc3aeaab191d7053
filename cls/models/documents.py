"""The site's document model and the pages that list documents."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cls.documents.extraction import Extraction, ExtractionStatus, extract_text
from cls.documents.filters import DocumentFilterForm
from cls.documents.privacy import exclude_private_documents
from cls.documents.publication import published_document_ids
from cls.documents.storage import select_document_storage
from cls.documents.tasks import extract_document_text
from cls.documents.validators import validate_document_extension, validate_language_code


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


DOCUMENT_TYPE_LABELS = dict(DocumentType.choices)
GOVERNING_BODY_LABELS = dict(GoverningBody.choices)


class SiteDocument(AbstractDocument):
    # Documents may be private: stored apart from the media a proxy serves (storage.py).
    file = models.FileField(_("fichier"), upload_to="documents", storage=select_document_storage)
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
        validators=[validate_language_code],
        help_text=_("Code de langue, par exemple « fr » ou « en »."),
    )
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("lecture du texte"),
        max_length=12,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_message = models.CharField(
        _("résultat de la lecture du texte"), max_length=250, blank=True, editable=False
    )

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

    # Lighter than get_document_type_display() and get_body_display(), which hash every
    # choice label on each call: the document list shows both for each of its rows.
    @property
    def type_label(self):
        return DOCUMENT_TYPE_LABELS.get(self.document_type, self.document_type)

    @property
    def body_label(self):
        return GOVERNING_BODY_LABELS.get(self.body, self.body)

    def clean(self):
        try:
            validate_document_extension(self.file)
        except ValidationError as error:
            raise ValidationError({"file": error}) from error
        super().clean()

    def _set_document_file_metadata(self):
        # Wagtail calls this whenever a new file is uploaded: its text is to be read again.
        super()._set_document_file_metadata()
        self.extracted_text = self.extraction_message = ""
        self.extraction_status = ExtractionStatus.PENDING
        self._text_extraction_due = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if getattr(self, "_text_extraction_due", False):
            self._text_extraction_due = False
            # robust: an unreachable task queue must not fail an upload that is saved;
            # the document stays "pending" for `manage.py extract_document_texts`.
            transaction.on_commit(lambda pk=self.pk: extract_document_text.enqueue(pk), robust=True)

    def refresh_extracted_text(self):
        """Read the file's text now; normally done by a task after the upload."""
        try:
            with self.open_file() as file:
                result = extract_text(file, self.file_extension)
        except OSError:
            result = Extraction(ExtractionStatus.FAILED, message=_("Le fichier est introuvable."))
        self.extracted_text = result.text
        self.extraction_status = result.status
        self.extraction_message = result.message
        self._text_extraction_due = False


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
        help_text=_(
            "Les documents de cette collection sont listés. Vide : les documents publiés "
            "sur ce site (liés depuis ses pages ou listés par ses autres listes)."
        ),
    )
    document_type = models.CharField(
        _("type de document"),
        max_length=20,
        choices=DocumentType.choices,
        blank=True,
        help_text=_("Ne garder que ce type de document. Vide : tous les types."),
    )
    body = models.CharField(
        _("instance"),
        max_length=10,
        choices=GoverningBody.choices,
        blank=True,
        help_text=_("Ne garder que les documents de cette instance. Vide : toutes."),
    )
    body_name = models.CharField(
        _("groupe ou instance"),
        max_length=150,
        blank=True,
        help_text=_("Ne garder que les documents de ce groupe, par exemple « Mieux vieillir »."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        help_text=_("Ne garder que les documents datés de cette année. Vide : toutes."),
    )
    per_page = 20

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("collection"),
                FieldPanel("document_type"),
                FieldPanel("body"),
                FieldPanel("body_name"),
                FieldPanel("year"),
            ],
            heading=_("Documents à lister"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cls.ContractPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("liste de documents")
        verbose_name_plural = _("listes de documents")

    def get_documents(self, request):
        """The documents chosen by the editor, before the visitor's own filters."""
        documents = SiteDocument.objects.defer("extracted_text")  # can be long, never shown
        if self.collection_id:
            documents = documents.filter(collection_id=self.collection_id)
        else:  # never another site's documents
            documents = documents.filter(pk__in=published_document_ids(request))
        if self.document_type:
            documents = documents.filter(document_type=self.document_type)
        if self.body:
            documents = documents.filter(body=self.body)
        if self.body_name:
            documents = documents.filter(body_name=self.body_name)
        if self.year:
            documents = documents.filter(date__year=self.year)
        return documents

    @staticmethod
    def count_documents(documents):
        """{(document type, year or None): number of documents}, in one query."""
        rows = documents.order_by().values_list("document_type", ExtractYear("date"))
        return {
            (document_type, year): count
            for document_type, year, count in rows.annotate(Count("pk"))
        }

    def get_filter_form(self, request, counts):
        """The visitor's filters, offering only the types and years present."""
        types = {document_type for document_type, _year in counts}
        years = sorted({year for _type, year in counts if year}, reverse=True)
        return DocumentFilterForm(
            request.GET,
            types=[choice for choice in DocumentType.choices if choice[0] in types],
            years=years,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = exclude_private_documents(self.get_documents(request), request)
        counts = self.count_documents(documents)
        filter_form = self.get_filter_form(request, counts)
        documents = filter_form.filter(documents).order_by(F("date").desc(nulls_last=True), "title")
        paginator = Paginator(documents, self.per_page)
        # The counts by type and year already say how many documents the filters keep.
        paginator.count = filter_form.count_kept(counts)
        context["documents_page"] = paginator.get_page(request.GET.get("page"))
        context["filter_form"] = filter_form
        return context


class RelatedDocument(Orderable):
    """A document an editor attaches to a page (axis, action), listed in the chosen order."""

    document = models.ForeignKey(
        "cls.SiteDocument", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True
