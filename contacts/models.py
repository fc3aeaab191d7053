from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .phone import tel_uri


class ContactCard(TranslatableMixin, index.Indexed, models.Model):
    """A person or service visitors can reach, such as the health mission officer."""

    name = models.CharField(
        _("nom"), max_length=150, help_text=_("Prénom et nom, ou nom du service.")
    )
    role = models.CharField(
        _("fonction"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Chargée de mission santé »."),
    )
    organisation = models.ForeignKey(
        "cls.Organisation",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultative. Son texte alternatif est rempli dans la médiathèque."),
    )
    email = models.EmailField(
        _("adresse électronique"),
        blank=True,
        help_text=_("Reçoit les messages du formulaire de contact ; jamais affichée en clair."),
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        help_text=_("Par exemple 04 68 00 00 00."),
    )
    address = models.TextField(_("adresse postale"), blank=True)
    opening_hours = models.CharField(
        _("horaires"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « du lundi au vendredi, 9 h – 12 h »."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Coordonnées"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("carte de contact")
        verbose_name_plural = _("cartes de contact")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} – {self.role}" if self.role else self.name

    @property
    def phone_uri(self):
        return tel_uri(self.phone)


class FormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


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
            "Qui traite les données, pourquoi, combien de temps, comment exercer ses droits."
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

    def clean(self):
        super().clean()
        if self.recipient_id and not (self.recipient and self.recipient.email):
            raise ValidationError(
                {"recipient": _("Cette carte de contact n'a pas d'adresse électronique.")}
            )

    def get_recipient_addresses(self):
        if self.recipient and self.recipient.email:
            return [self.recipient.email]
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def process_form_submission(self, form):
        # Store first (FormMixin), then notify the recipient chosen by card or address.
        submission = FormMixin.process_form_submission(self, form)
        addresses = self.get_recipient_addresses()
        if addresses:
            subject = self.subject or _("Nouveau message depuis %(page)s") % {"page": self.title}
            send_mail(subject, self.render_email(form), addresses, self.from_address)
        return submission
