from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..forms import ContactFormBuilder
from ..tasks import deliver_contact_message
from .cards import ContactCard
from .submission import ContactSubmission

# ?destinataire=<card id> on the contact page's URL picks who reads the message.
RECIPIENT_PARAMETER = "destinataire"


class FormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form, chosen by the editor.

    Its texts (label, help text, choices) are translated with the page, in the same
    translation editor: fields are the editor's, so a .po file could not hold them. The
    field's kind and key stay the French page's, so both languages' submissions read alike.
    """

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm):
    """The form that reaches the health mission officer."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Ce que le visiteur peut demander et sous quel délai il aura une réponse."),
    )
    recipient = models.ForeignKey(
        ContactCard,
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Les messages sont envoyés à l'adresse de cette carte de contact."),
    )
    thank_you_text = RichTextField(
        _("message de confirmation"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Affiché après l'envoi du message."),
    )
    data_protection_notice = models.TextField(
        _("information sur les données personnelles"),
        blank=True,
        help_text=_(
            "Qui traite les données, pourquoi, combien de temps, comment exercer ses droits. "
            "Laissé vide, un texte type est affiché avec le nom de la structure (réglages du "
            "site) et la durée de conservation des messages."
        ),
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("recipient"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        FieldPanel("data_protection_notice"),
        MultiFieldPanel(
            [
                FieldPanel("to_address", permission="superuser"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("Envoi par courriel"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page de contact")
        verbose_name_plural = _("pages de contact")

    form_builder = ContactFormBuilder

    def clean(self):
        super().clean()
        if self.recipient_id and not (self.recipient and self.recipient.email):
            raise ValidationError(
                {"recipient": _("Cette carte de contact n'a pas d'adresse électronique.")}
            )
        if not self.recipient_id and not self.to_address:
            raise ValidationError(
                {"recipient": _("Choisissez la carte de contact qui recevra les messages.")}
            )

    def get_submission_class(self):
        return ContactSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("delivery_state", _("Envoi par courriel"))]

    def get_email_field_names(self):
        return [field.clean_name for field in self.get_form_fields() if field.field_type == "email"]

    def get_recipient_addresses(self, card=None):
        """The card's address (the page's card by default), else the typed addresses."""
        card = card or self.recipient
        if card and card.email:
            return [card.email]
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            recipient=self.recipient,
            recipient_parameter=RECIPIENT_PARAMETER,
            retention_months=round(settings.CONTACT_RETENTION_DAYS / 30.4),
        )
        return context

    @staticmethod
    def _cards_with_details():
        """Cards as shown above the form: with organisation and photo, in one query."""
        return ContactCard.objects.select_related("organisation", "photo")

    def get_recipient_card(self, card_id):
        """The card a visitor picked with ?destinataire= (an "Écrire à…" link), else the page's.

        Only a card with an address, shown on a live page of this site, can be picked:
        the form cannot be turned into a relay towards any address in the database.
        """
        if not str(card_id or "").isdigit() or int(card_id) == self.recipient_id:
            return self.recipient
        card = (
            self._cards_with_details()
            .filter(pk=card_id, locale_id=self.locale_id)
            .exclude(email="")
            .first()
        )
        if card is None:
            return self.recipient
        showing_page_ids = [
            int(object_id)
            for object_id in ReferenceIndex.get_references_to(card)
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        ]
        site_pages = Page.objects.live().filter(path__startswith=self.path[: -Page.steplen])
        return card if site_pages.filter(pk__in=showing_page_ids).exists() else self.recipient

    def serve(self, request, *args, **kwargs):
        # Wagtail's serve, with the request handed to the form (rate limit) and the
        # recipient picked by the visitor.
        if self.recipient_id:
            self.recipient = self._cards_with_details().get(pk=self.recipient_id)
        form_kwargs = {"page": self, "user": request.user, "request": request}
        if request.method == "POST":
            recipient = self.get_recipient_card(request.POST.get(RECIPIENT_PARAMETER))
            form = self.get_form(request.POST, **form_kwargs)
            if form.is_valid():
                submission = self.process_form_submission(form, recipient)
                return self.render_landing_page(request, submission, *args, **kwargs)
        else:
            recipient = self.get_recipient_card(request.GET.get(RECIPIENT_PARAMETER))
            form = self.get_form(**form_kwargs)
        context = self.get_context(request)
        context.update(form=form, recipient=recipient)
        return TemplateResponse(request, self.get_template(request), context)

    def process_form_submission(self, form, recipient=None):
        """Store the message first; e-mail it from a task once the row is committed.

        If queueing fails, the message stays stored as pending for the re-send command.
        """
        with transaction.atomic():
            submission = ContactSubmission.objects.create(
                page=self,
                form_data=form.submission_data,
                recipient=recipient or self.recipient,
            )

            def enqueue_delivery():
                deliver_contact_message.enqueue(submission.pk)

            # A named function, not a partial: Django logs a robust callback's __qualname__.
            transaction.on_commit(enqueue_delivery, robust=True)
        return submission
