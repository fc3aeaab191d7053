from datetime import timedelta

from django.conf import settings
from django.core.mail.message import DNS_NAME, make_msgid
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.contrib.forms.models import AbstractFormSubmission


class DeliveryState(models.TextChoices):
    PENDING = "en_attente", _("en attente")
    SENDING = "en_cours", _("envoi en cours")
    SENT = "envoye", _("envoyé")
    FAILED = "echec", _("échec")
    # The mail server may have accepted the message: it is never re-sent automatically.
    UNKNOWN = "inconnu", _("état inconnu")


SENDABLE_STATES = [DeliveryState.PENDING, DeliveryState.FAILED]


def _overdue_since():
    return timezone.now() - timedelta(minutes=settings.CONTACT_DELIVERY_OVERDUE_MINUTES)


def _short_date(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class ContactSubmissionQuerySet(models.QuerySet):
    def undelivered(self):
        return self.exclude(delivery_state=DeliveryState.SENT)

    def sendable(self):
        return self.filter(delivery_state__in=SENDABLE_STATES)

    def overdue(self):
        """Messages whose automatic attempt is long due: their task was lost (queue
        unreachable when the message was stored, worker stopped mid-task)."""
        return (
            self.sendable()
            .filter(delivery_attempts__lt=settings.CONTACT_DELIVERY_MAX_ATTEMPTS)
            .annotate(due=Coalesce("retry_at", "submit_time"))
            .filter(due__lt=_overdue_since())
        )

    def stuck_sending(self):
        """Messages whose sending started long ago without its outcome being recorded."""
        return self.filter(
            delivery_state=DeliveryState.SENDING, delivery_started_at__lt=_overdue_since()
        )

    def older_than(self, days):
        return self.filter(submit_time__lt=timezone.now() - timedelta(days=days))


class ContactSubmission(AbstractFormSubmission):
    """A visitor's message, stored before any e-mail is attempted, with its delivery state.

    Sending is recorded before the mail server is contacted (`claim`), and its outcome
    after: a message is never sent twice, whatever happens in between.
    """

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
    # The same on every attempt: a mailbox receiving a message twice can tell it is one.
    message_id = models.CharField(_("identifiant du courriel"), max_length=255, blank=True)
    delivery_started_at = models.DateTimeField(_("dernier envoi commencé le"), null=True)
    retry_at = models.DateTimeField(_("prochaine tentative le"), null=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    objects = ContactSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("message de contact")
        verbose_name_plural = _("messages de contact")
        indexes = [models.Index(fields=["submit_time"])]

    @property
    def delivery_summary(self):
        """One line for the admin listing and the CSV export."""
        state = self.delivery_state
        if state == DeliveryState.SENT:
            return _("envoyé le %(date)s") % {"date": _short_date(self.sent_at)}
        if state == DeliveryState.SENDING:
            return _("envoi en cours depuis le %(date)s") % {
                "date": _short_date(self.delivery_started_at)
            }
        if state == DeliveryState.UNKNOWN:
            return _(
                "état inconnu : vérifier la boîte de réception (envoi tenté le %(date)s, "
                "sans réponse du serveur de courriel : %(error)s)"
            ) % {"date": _short_date(self.delivery_started_at), "error": self.last_delivery_error}
        if state == DeliveryState.FAILED:
            summary = ngettext(
                "échec après %(count)d tentative : %(error)s",
                "échec après %(count)d tentatives : %(error)s",
                self.delivery_attempts,
            ) % {"count": self.delivery_attempts, "error": self.last_delivery_error}
            if self.retry_at:
                summary += str(_(" ; nouvelle tentative le %(date)s")) % {
                    "date": _short_date(self.retry_at)
                }
            return summary
        return str(DeliveryState.PENDING.label)

    def get_data(self):
        return {**super().get_data(), "delivery_state": self.delivery_summary}

    @classmethod
    def claim(cls, pk, states=SENDABLE_STATES):
        """Record "sending" for a message in one of `states`, in its own transaction,
        before the mail server is contacted; the message, or None when not to be sent."""
        with transaction.atomic():
            submission = cls.objects.select_for_update().filter(pk=pk, delivery_state__in=states)
            submission = submission.first()
            if submission is None:
                return None
            submission.delivery_state = DeliveryState.SENDING
            submission.delivery_attempts += 1
            submission.delivery_started_at = timezone.now()
            submission.retry_at = None
            submission.message_id = submission.message_id or make_msgid(
                f"contact-{submission.pk}", domain=DNS_NAME
            )
            submission.save(
                update_fields=[
                    "delivery_state",
                    "delivery_attempts",
                    "delivery_started_at",
                    "retry_at",
                    "message_id",
                ]
            )
        return submission

    def record_delivery(self):
        self.sent_at = timezone.now()
        self._record(DeliveryState.SENT, error="")

    def record_failure(self, error):
        """The message was certainly not accepted: retry later, up to the maximum."""
        if self.delivery_attempts < settings.CONTACT_DELIVERY_MAX_ATTEMPTS:
            delay = settings.CONTACT_DELIVERY_RETRY_MINUTES * 2 ** max(
                self.delivery_attempts - 1, 0
            )
            self.retry_at = timezone.now() + timedelta(minutes=delay)
        self._record(DeliveryState.FAILED, error)

    def record_unknown(self, error):
        """The mail server may have accepted the message: nobody may send it again unasked."""
        self._record(DeliveryState.UNKNOWN, error)

    def _record(self, state, error):
        self.delivery_state = state
        self.last_delivery_error = error[:1000]
        self.save(update_fields=["delivery_state", "last_delivery_error", "sent_at", "retry_at"])
