from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .documents.staff_only import refuse_other_sites_staff
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
    list_per_page = 50


class TerritoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, CommuneViewSet)
    menu_icon = "globe"
    menu_label = _("Territoire et partenaires")
    menu_name = "territory"


register_snippet(TerritoryViewSetGroup)


hooks.register("before_serve_document", refuse_other_sites_staff)
