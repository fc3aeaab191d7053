from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Commune, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Partenaires")
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "site"
    menu_label = _("Communes")
    list_display = ["name", "insee_code", "postcodes", "population", "epci_name"]
    list_filter = ["epci_name"]
    search_fields = ["name", "insee_code", "postcodes"]
    list_per_page = 50


class TerritoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, CommuneViewSet)
    menu_icon = "globe"
    menu_label = _("Territoire et partenaires")
    menu_name = "territory"


register_snippet(TerritoryViewSetGroup)
