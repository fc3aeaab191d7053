from django.db.models import Count, Q
from wagtail.admin.ui.components import Component
from wagtail.contrib.forms.utils import get_forms_for_user

from .models import ContactSubmission, DeliveryState


class UndeliveredMessagesPanel(Component):
    """On the admin dashboard: messages stored but not e-mailed, per contact page.

    When the mail server is down the mission officer receives nothing; this is where
    they learn that messages are waiting in the submissions list.
    """

    name = "undelivered_contact_messages"
    template_name = "contacts/admin/undelivered_messages_panel.html"
    order = 50  # first: a visitor is waiting for an answer

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["pages"] = (
            ContactSubmission.objects.undelivered()
            .filter(page__in=get_forms_for_user(user))
            .values("page_id", "page__title")
            .annotate(
                count=Count("pk"),
                unknown=Count("pk", filter=Q(delivery_state=DeliveryState.UNKNOWN)),
            )
            .order_by("page__title")
        )
        return context
