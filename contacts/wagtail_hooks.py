from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_panels import UndeliveredMessagesPanel
from .models import ContactCard


class VisibleCardsOnly:
    """The chooser lists the cards of the editor's own site (ContactCard.visible_to)."""

    def get_object_list(self):
        cards = self.model_class.visible_to(self.request.user)
        return super().get_object_list().filter(pk__in=cards.values("pk"))


class CardChooseView(VisibleCardsOnly, ChooseView):
    pass


class CardChooseResultsView(VisibleCardsOnly, ChooseResultsView):
    pass


class ContactCardChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CardChooseView
    choose_results_view_class = CardChooseResultsView


class ContactCardViewSet(SnippetViewSet):
    model = ContactCard
    chooser_viewset_class = ContactCardChooserViewSet
    icon = "user"
    menu_label = _("Cartes de contact")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "organisation"]


register_snippet(ContactCardViewSet)


@hooks.register("construct_homepage_panels")
def add_undelivered_messages_panel(request, panels):
    panels.append(UndeliveredMessagesPanel())
