from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.admin_scope import visible_pages
from home.page_cache import cached_site_data

from ..phone import format_french_phone, tel_uri, validate_phone


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
        validators=[validate_phone],
        help_text=_("Par exemple 04 68 00 00 00."),
    )
    address = models.TextField(_("adresse postale"), blank=True)
    opening_hours = models.CharField(
        _("horaires"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « du lundi au vendredi, 9 h – 12 h »."),
    )

    # Role, address and hours go to translators; the person and how to reach them do not.
    translatable_fields = [
        TranslatableField("role"),
        TranslatableField("address"),
        TranslatableField("opening_hours"),
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("photo"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]
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
        index.FilterField("id"),  # the chooser searches among an editor's cards only
        # The admin's listings and choosers show one language at a time.
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("carte de contact")
        verbose_name_plural = _("cartes de contact")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} – {self.role}" if self.role else self.name

    @classmethod
    def for_display(cls, pk, request):
        """The card with the organisation and photo its template shows (None without one).

        A query of its own: joined to a page's query, these three tables made PostgreSQL
        plan a join of six to nine tables on every visit, slower than one more query. Kept
        with the site's data, as the same card shows on many pages: saving a card, an
        organisation or an image changes the content version (home/page_cache.py).
        """
        if pk is None:
            return None
        return cached_site_data(request, f"contact-card:{pk}", lambda: cls.displayed(pk=pk))

    @classmethod
    def displayed(cls, **lookup):
        """The first card matching `lookup`, with what its template shows."""
        return cls.objects.select_related("organisation", "photo").filter(**lookup).first()

    @classmethod
    def visible_to(cls, user):
        """The cards an editor is offered (home/admin_scope/): those their site's pages show,
        and those no page shows yet. A card only another site's pages show is that site's."""
        references = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(cls),
        ).annotate(card=Cast("to_object_id", BigIntegerField()))
        own_pages = visible_pages(user).annotate(text_pk=Cast("pk", CharField()))
        shown_on_own_site = references.filter(object_id__in=own_pages.values("text_pk"))
        return cls.objects.filter(
            Q(pk__in=shown_on_own_site.values("card")) | ~Q(pk__in=references.values("card"))
        )

    @property
    def phone_uri(self):
        return tel_uri(self.phone)

    @property
    def phone_display(self):
        return format_french_phone(self.phone)
