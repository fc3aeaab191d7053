"""The admin field of a territory's communes: « Communes couvertes » of a contract,
« Communes concernées » of an action (cls/commune_picker.py serves its searches)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

# How many communes are ticked; JavaScript updates it with the same text.
SUMMARY = _("Communes cochées : %(count)s")


class CommunesPicker(forms.Widget):
    """Communes of a territory, for thousands of communes: the EPCIs in play with their
    communes as check boxes, and a search to add an EPCI or a commune (cls/commune_picker.py).

    `tick_added_epcis`: an EPCI added by the search comes with all its communes ticked
    (a contract covers whole EPCIs) or none (an action names a few communes)."""

    template_name = "cls/widgets/communes_picker.html"

    class Media:
        js = ["cls/communes-picker.js"]
        css = {"all": ["cls/communes-picker.css"]}

    def __init__(self, attrs=None, tick_added_epcis=True):
        super().__init__(attrs)
        self.tick_added_epcis = tick_added_epcis
        self.offered_sirens = []  # EPCIs shown even when none of their communes is ticked

    def format_value(self, value):
        return [str(item) for item in value or []]

    def value_from_datadict(self, data, files, name):
        return data.getlist(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked is a choice: no commune

    def id_for_label(self, id_):
        return f"{id_}-search" if id_ else id_

    def get_context(self, name, value, attrs):
        from .commune_picker import commune_groups

        context = super().get_context(name, value, attrs)
        ticked = {int(item) for item in context["widget"]["value"] if item.isdigit()}
        # Wagtail also renders each widget with no value and placeholder names, for its
        # client-side copy of the form (telepath): no check boxes needed there.
        offered = self.offered_sirens if value is not None else []
        context["widget"].update(
            groups=commune_groups(ticked, offered),
            summary=SUMMARY % {"count": len(ticked)},
            summary_format=SUMMARY,
            tick_added_epcis=self.tick_added_epcis,
            search_url=reverse("cls_communes_picker:search"),
            group_url=reverse("cls_communes_picker:group"),
        )
        return context


class CommunesPanel(FieldPanel):
    """The communes field with its picker. On an action (`action=True`), the EPCIs of its
    contract's territory are offered at once, their communes unticked, ready to choose."""

    def __init__(self, field_name, action=False, **kwargs):
        kwargs.setdefault("widget", CommunesPicker(tick_added_epcis=not action))
        super().__init__(field_name, **kwargs)
        self.action = action

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "action": self.action}

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            parent = getattr(self.form, "parent_page", None)
            if self.panel.action and self.bound_field is not None and parent is not None:
                self.bound_field.field.widget.offered_sirens = territory_epcis(parent)


def territory_epcis(page):
    """The SIRENs of the EPCIs of the territory of the contract that `page` is in."""
    from .models import ContractPage

    contract = ContractPage.objects.ancestor_of(page, inclusive=True).first()
    if contract is None:
        return []
    sirens = contract.communes.exclude(epci_siren="").order_by().values_list("epci_siren")
    return [siren for (siren,) in sirens.distinct()]
