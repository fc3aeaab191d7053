from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_panels import UndeliveredMessagesPanel
from .models import ContactCard


class ContactCardViewSet(SnippetViewSet):
    model = ContactCard
    icon = "user"
    menu_label = _("Cartes de contact")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "organisation"]


register_snippet(ContactCardViewSet)


@hooks.register("construct_homepage_panels")
def add_undelivered_messages_panel(request, panels):
    panels.append(UndeliveredMessagesPanel())
