from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import commune_picker
from .commune_admin import CommuneViewSet
from .documents.staff_only import refuse_other_sites_staff
from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Partenaires")
    list_display = ["name", "acronym", "kind"]
    list_filter = ["kind"]


class TerritoryViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, CommuneViewSet)
    menu_icon = "globe"
    menu_label = _("Territoire et partenaires")
    menu_name = "territory"


register_snippet(TerritoryViewSetGroup)


hooks.register("before_serve_document", refuse_other_sites_staff)


@hooks.register("register_admin_urls")
def communes_picker_urls():
    urls = (commune_picker.urlpatterns, "cls_communes_picker")
    return [path("communes-couvertes/", include(urls))]
