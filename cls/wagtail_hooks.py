from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import commune_picker
from .actions_import import views as actions_import
from .commune_admin import CommuneViewSet
from .documents.staff_only import refuse_other_sites_staff
from .models import ContractPage, Organisation


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


@hooks.register("register_admin_urls")
def actions_import_urls():
    urls = (actions_import.urlpatterns, "cls_actions_import")
    return [path("fiches-action/", include(urls))]


class ImportActionsButton(PageMenuItem):
    label = _("Importer des fiches action")
    icon_name = "table"
    url_name = "cls_actions_import:upload"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_add_subpage()


@hooks.register("register_page_header_buttons")
def import_actions_button(page, user, view_name, next_url=None):
    if page.specific_class is ContractPage:
        yield ImportActionsButton(page=page, priority=16)
