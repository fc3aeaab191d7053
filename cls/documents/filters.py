"""The filters a visitor applies to a list of documents: a plain GET form, no JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DocumentFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type de document"), required=False)
    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, types, years):
        super().__init__(data)
        self.fields["type"].choices = [("", _("Tous les types")), *types]
        self.fields["year"].choices = [("", _("Toutes les années")), *((y, y) for y in years)]

    def filter(self, documents):
        """Apply the valid filters; an unknown type or year in the URL is ignored."""
        self.is_valid()  # fills cleaned_data with the valid fields only
        if document_type := self.cleaned_data.get("type"):
            documents = documents.filter(document_type=document_type)
        if year := self.cleaned_data.get("year"):
            documents = documents.filter(date__year=year)
        return documents

    def count_kept(self, counts):
        """How many documents filter() keeps, from their counts by (type, year)."""
        self.is_valid()
        kept_type, kept_year = self.cleaned_data.get("type"), self.cleaned_data.get("year")
        return sum(
            count
            for (document_type, year), count in counts.items()
            if (not kept_type or document_type == kept_type)
            and (not kept_year or year == kept_year)
        )

    @property
    def is_filtering(self):
        return self.is_valid() and any(self.cleaned_data.values())
