from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .snippets import Commune


class CommuneSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom ou code postal de votre commune"),
        max_length=100,
        required=False,
        help_text=_("Tapez le nom de la commune ou son code postal."),
    )

    def __init__(self, *args, example=None, **kwargs):
        """`example`: a commune of the site's territory, named in the hint."""
        super().__init__(*args, **kwargs)
        if example and example.postcodes:
            self.fields["q"].help_text = _("Par exemple « %(name)s » ou « %(postcode)s ».") % {
                "name": example.name,
                "postcode": example.postcode_list[0],
            }


class CommuneFinderPage(RoutablePageMixin, Page):
    """ "Ma commune": a visitor finds their commune and what the contract does there.

    Each commune has its own address, by INSEE code: /ma-commune/11135/.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Une ou deux phrases affichées au-dessus du champ de recherche."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("recherche « Ma commune »")
        verbose_name_plural = _("recherches « Ma commune »")

    @path("", name="search")
    def search(self, request):
        from cls.commune_finder import find_communes, site_contracts

        form = self.search_form(request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        matches = find_communes(query, site_contracts(self)) if query else None
        if matches and matches.single:
            return redirect(self.commune_url(matches.single, request))
        return self.render(
            request, context_overrides={"form": form, "query": query, "matches": matches}
        )

    @re_path(r"^(?P<insee_code>\d{5}|2[AB]\d{3})/$", name="commune")
    def commune(self, request, insee_code):
        from cls.commune_finder import commune_context

        commune = Commune.objects.filter(insee_code=insee_code).first()
        if commune is None:
            raise Http404
        return self.render(
            request,
            template="cls/commune_page.html",
            context_overrides={
                **commune_context(self, commune, request),
                "form": self.search_form(),
            },
        )

    def search_form(self, data=None):
        from cls.commune_finder import example_commune, site_contracts

        return CommuneSearchForm(data, example=example_commune(site_contracts(self)))

    def commune_url(self, commune, request=None):
        return self.get_url(request) + self.reverse_subpage("commune", args=[commune.insee_code])
