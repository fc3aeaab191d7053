"""Invented content, marked as such: the demo sites and training sites need examples that
no visitor may take for facts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ExampleContent(models.Model):
    """A page whose content is (partly) invented: a badge « Exemple » on the page, on its
    cards and in its feeds, with the editor's note saying what is invented."""

    example_note = models.CharField(
        _("contenu d'exemple"),
        max_length=300,
        blank=True,
        help_text=_(
            "Sur un site de démonstration ou de formation : dites ce qui est inventé dans "
            "cette page. Rempli, la page et ses vignettes portent un badge « Exemple ». "
            "Laissez vide pour un contenu réel."
        ),
    )

    example_panel = MultiFieldPanel(
        [FieldPanel("example_note")], heading=_("Contenu d'exemple"), classname="collapsed"
    )

    class Meta:
        abstract = True

    @property
    def is_example(self):
        return bool(self.example_note)


def marked_title(title, page):
    """A title as feeds and calendars show it: « Exemple : … » for invented content."""
    if getattr(page, "is_example", False):
        return _("Exemple : %(title)s") % {"title": title}
    return title
