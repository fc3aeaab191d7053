"""The Commune snippet in the admin: its listing and its chooser search by name (accents
ignored), INSEE code or postcode, through cls/commune_search.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .commune_search import search_communes
from .models import Commune

SEARCH_LABEL = _("Nom, code postal ou code INSEE")


class CommuneIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_communes(queryset, self.search_query, not self.is_explicitly_ordered)


class CommuneSearchFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=SEARCH_LABEL,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Par exemple « quillan » ou « 11500 »")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if query := self.cleaned_data.get("q"):
            objects = search_communes(objects, query)
            self.is_searching, self.search_query = True, query
        return objects


class CommuneChooserColumns:
    """Postcodes and EPCI beside the name: the chooser tells homonyms apart."""

    filter_form_class = CommuneSearchFilterForm

    @property
    def columns(self):
        return [
            *super().columns,
            Column("postcodes", label=_("Codes postaux")),
            Column("epci_name", label=_("Intercommunalité")),
        ]


class CommuneChooseView(CommuneChooserColumns, ChooseView):
    pass


class CommuneChooseResultsView(CommuneChooserColumns, ChooseResultsView):
    pass


class CommuneChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CommuneChooseView
    choose_results_view_class = CommuneChooseResultsView


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "site"
    menu_label = _("Communes")
    list_display = ["name", "insee_code", "postcodes", "population", "epci_name"]
    # A text filter: a list of the 1,255 EPCIs of France would not help.
    list_filter = {"epci_name": ["icontains"]}
    search_fields = ["name", "insee_code", "postcodes"]  # searched by CommuneIndexView
    list_per_page = 50
    index_view_class = CommuneIndexView
    chooser_viewset_class = CommuneChooserViewSet
