import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.http.request import validate_host
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .creation import create_site
from .forms import NewSiteForm

logger = logging.getLogger(__name__)


class NewSiteView(WagtailAdminTemplateMixin, FormView):
    """« Nouveau site CLS »: administrators only (a site's staff create pages in theirs)."""

    form_class = NewSiteForm
    template_name = "home/site_wizard/new_site.html"
    page_title = gettext_lazy("Nouveau site CLS")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("new_cls_site"),
            submit_button_label=_("Créer le site"),
            submit_button_active_label=_("Création du site…"),
            media=context["form"].media,
        )
        return context

    def form_invalid(self, form):
        messages.error(self.request, _("Le site n'a pas été créé : corrigez les champs signalés."))
        return super().form_invalid(form)

    def form_valid(self, form):
        try:
            created = create_site(form.new_site())
        except Exception:
            # Whatever failed, the transaction is rolled back: say so, keep what was typed.
            logger.exception("The new site %s could not be created", form.cleaned_data["hostname"])
            messages.error(
                self.request,
                _(
                    "Le site n'a pas été créé à cause d'une erreur inattendue ; rien n'a été "
                    "enregistré. Réessayez, et si l'erreur revient, transmettez l'heure de "
                    "l'essai à votre hébergeur."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, self.next_steps(created))
        return HttpResponseRedirect(
            reverse("wagtailadmin_explore", args=[created.site.root_page_id])
        )

    @staticmethod
    def next_steps(created):
        site = created.site
        text = _(
            "Le site « %(site)s » est créé, avec ses pages légales, « Ma commune », sa page de "
            "contact et les groupes « %(editors)s » et « %(moderators)s ». Prochaines étapes : "
            "complétez puis publiez le contrat (un brouillon), ajoutez-y les axes et les fiches "
            "action, complétez les réglages du site et les pages légales (« À compléter »), et "
            "ajoutez les comptes des éditeurs à leur groupe (Paramètres → Utilisateurs)."
        ) % {
            "site": site.site_name,
            "editors": created.editors.name,
            "moderators": created.moderators.name,
        }
        if not validate_host(site.hostname, settings.ALLOWED_HOSTS):
            text += " " + _(
                "Le nom d'hôte « %(hostname)s » n'est pas encore dans ALLOWED_HOSTS : demandez à "
                "votre hébergeur de l'ajouter, sinon le site ne répondra pas."
            ) % {"hostname": site.hostname}
        return text


urlpatterns = [path("nouveau-site/", NewSiteView.as_view(), name="new_cls_site")]
