"""A new page is not autosaved, so that « Publier » never meets its own autosave.

Wagtail 8 autosaves the page editor. On a new page, the first autosave creates the page,
and the form posts to that page's edit view only once the autosave's answer has reached
the browser. « Publier » clicked in between posts the form to the creation view again:
its slug is now taken, and publishing fails (« Le slug … est déjà utilisé », shown on
the Promotion tab, out of sight). Nothing in that request tells the server that the page
already exists, so it cannot be made safe there: new pages wait for their first
« Enregistrer » or « Publier », after which autosave runs as usual (the edit view
compares revisions, and an autosave never makes publishing an existing page fail).
"""

from django.utils.translation import gettext as _
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreateViewWithoutAutosave(CreateView):
    def post(self, request):
        if self.expects_json_response:  # an autosave, from an editor opened before this rule
            return self.json_error_response(
                "blocked_by_hook",
                _("Enregistrez la page une première fois : l'enregistrement automatique suivra."),
            )
        return super().post(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "autosave_enabled": False, "autosave_indicator": None}


class SitePageViewSet(PageViewSet):
    """Wagtail's page views, for every page type, but for the creation view above."""

    add_view_class = CreateViewWithoutAutosave
