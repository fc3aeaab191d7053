from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.contrib.forms.models import AbstractFormSubmission


class DeliveryState(models.TextChoices):
    PENDING = "en_attente", _("en attente")
    SENT = "envoye", _("envoyé")
    FAILED = "echec", _("échec")


class ContactSubmissionQuerySet(models.QuerySet):
    def undelivered(self):
        return self.exclude(delivery_state=DeliveryState.SENT)

    def older_than(self, days):
        return self.filter(submit_time__lt=timezone.now() - timedelta(days=days))


class ContactSubmission(AbstractFormSubmission):
    """A visitor's message, stored before any e-mail is attempted, with its delivery state."""

    recipient = models.ForeignKey(
        "contacts.ContactCard",
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivery_state = models.CharField(
        _("état de l'envoi"),
        max_length=12,
        choices=DeliveryState.choices,
        default=DeliveryState.PENDING,
        db_index=True,
    )
    delivery_attempts = models.PositiveSmallIntegerField(_("tentatives d'envoi"), default=0)
    last_delivery_error = models.TextField(_("dernière erreur d'envoi"), blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    objects = ContactSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("message de contact")
        verbose_name_plural = _("messages de contact")
        indexes = [models.Index(fields=["submit_time"])]

    @property
    def delivery_summary(self):
        """One line for the admin listing and the CSV export."""
        if self.delivery_state == DeliveryState.SENT:
            return _("envoyé le %(date)s") % {
                "date": date_format(timezone.localtime(self.sent_at), "SHORT_DATETIME_FORMAT")
            }
        if self.delivery_state == DeliveryState.FAILED:
            attempts = ngettext(
                "échec après %(count)d tentative",
                "échec après %(count)d tentatives",
                self.delivery_attempts,
            ) % {"count": self.delivery_attempts}
            return f"{attempts} : {self.last_delivery_error}"
        return str(DeliveryState.PENDING.label)

    def get_data(self):
        return {**super().get_data(), "delivery_state": self.delivery_summary}

    def record_delivery(self):
        self.delivery_state = DeliveryState.SENT
        self.delivery_attempts += 1
        self.sent_at = timezone.now()
        self.last_delivery_error = ""
        self.save(update_fields=self._delivery_fields)

    def record_failure(self, error):
        self.delivery_state = DeliveryState.FAILED
        self.delivery_attempts += 1
        self.last_delivery_error = error[:1000]
        self.save(update_fields=self._delivery_fields)

    _delivery_fields = ["delivery_state", "delivery_attempts", "sent_at", "last_delivery_error"]
