from django.contrib import messages
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_autosave import SitePageViewSet
from .admin_scope.api import replace_media_endpoints
from .admin_scope.choosers import pages_the_user_may_explore
from .admin_scope.middleware import may_open
from .legal_pages import create_legal_pages
from .link_text import vague_link_texts
from .models import HomePage, NewsTag
from .site_wizard import views as site_wizard


class NewsTagViewSet(SnippetViewSet):
    """The news keywords, listed so that translators can translate them (« Traduire »)."""

    model = NewsTag
    icon = "tag"
    menu_label = gettext_lazy("Mots-clés des actualités")
    add_to_settings_menu = False
    list_display = ["name", "slug"]


register_snippet(NewsTagViewSet)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return SitePageViewSet()


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def site_wizard_urls():
    return site_wizard.urlpatterns


@hooks.register("register_settings_menu_item")
def site_wizard_menu_item():
    return AdministratorsMenuItem(
        gettext_lazy("Nouveau site CLS"), reverse("new_cls_site"), icon_name="site", order=601
    )


@hooks.register("after_create_page")
def give_new_sites_their_legal_pages(request, page):
    if isinstance(page, HomePage):
        create_legal_pages(page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_vague_link_texts(request, page):
    for text in sorted(set(vague_link_texts(page)), key=str.lower):
        messages.warning(
            request,
            _(
                "Le lien « %(text)s » ne dit pas où il mène : un lecteur d'écran qui liste "
                "les liens l'annonce seul. Écrivez plutôt la destination, par exemple "
                "« Télécharger le diagnostic santé »."
            )
            % {"text": text},
        )


hooks.register("construct_page_chooser_queryset", pages_the_user_may_explore)
# After Wagtail's own documents and images endpoints, which they replace.
hooks.register("construct_admin_api", replace_media_endpoints, order=100)


@hooks.register("construct_reports_menu")
def hide_reports_on_every_site(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if may_open(request.user, resolve(item.url).view_name)
    ]
