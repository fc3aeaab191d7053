"""Admin panels of the home app."""

from wagtail.admin.panels import Panel


class ToCompletePanel(Panel):
    """« À compléter » : what a page still lacks, listed at the top of its edit form.

    The list comes from the page's `missing_information()`; the public page leaves these
    out or says neutrally that they are not given, never shows a placeholder as a fact.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/to_complete_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.missing = self.instance.missing_information() if self.instance else []

        def is_shown(self):
            return bool(self.missing) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = self.missing
            return context
