"""An accessible data table: a caption, a header row, optionally a header column."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockValidationError,
)

from .layout import BLOCK_TEXT_FEATURES


class CaptionedTableBlock(TypedTableBlock):
    """Wagtail's table editor, refusing a table without caption or with a column unnamed:
    a screen reader announces a table by its caption and reads each cell with its header."""

    text = blocks.CharBlock(label=_("Texte court"), required=False, max_length=200)
    rich_text = blocks.RichTextBlock(
        label=_("Texte avec liens"), required=False, features=BLOCK_TEXT_FEATURES
    )

    def clean(self, value):
        errors = []
        if not (value.caption or "").strip():
            errors.append(ValidationError(_("Donnez un titre (légende) au tableau.")))
        if not value.columns:
            errors.append(ValidationError(_("Ajoutez au moins une colonne.")))
        if any(not (column["heading"] or "").strip() for column in value.columns):
            errors.append(ValidationError(_("Donnez un en-tête à chaque colonne.")))
        if errors:
            raise TypedTableBlockValidationError(non_block_errors=errors)
        return super().clean(value)


class TableBlock(blocks.StructBlock):
    table = CaptionedTableBlock(
        label=_("Tableau"),
        help_text=_(
            "Le titre du tableau (légende) et l'en-tête de chaque colonne sont obligatoires. "
            "Réservé aux données : pour mettre des éléments côte à côte, utilisez la grille "
            "de cartes."
        ),
    )
    first_column_is_header = blocks.BooleanBlock(
        label=_("La première colonne contient des en-têtes de ligne"),
        required=False,
        help_text=_("Cochez si chaque ligne est nommée par sa première cellule (une commune…)."),
    )

    class Meta:
        icon = "table"
        label = _("Tableau")
        template = "home/blocks/table.html"
        description = _("Un tableau de données avec sa légende et ses en-têtes.")
        preview_value = {
            "first_column_is_header": True,
            "table": {
                "caption": "Participants aux ateliers par commune",
                "columns": [
                    {"type": "text", "heading": "Commune"},
                    {"type": "text", "heading": "Ateliers"},
                    {"type": "text", "heading": "Participants"},
                ],
                "rows": [
                    {"values": ["Quillan", "6", "84"]},
                    {"values": ["Limoux", "9", "131"]},
                ],
            },
        }
