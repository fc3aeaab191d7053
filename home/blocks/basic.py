"""The first blocks of the kit: headings, text, images, quotes, links and figures."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Texte"), max_length=120, help_text=_("Titre de section, court et explicite.")
    )
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de niveau 2")), ("h3", _("Titre de niveau 3"))],
        default="h2",
        help_text=_("Niveau 2 pour une grande section, niveau 3 pour une sous-partie."),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "home/blocks/heading.html"
        description = _("Un intertitre qui structure la page.")
        preview_value = {"text": "Les axes du contrat", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Texte"))
        kwargs.setdefault("help_text", _("Paragraphes, listes et liens."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        description = _("Du texte mis en forme : paragraphes, listes, liens.")
        preview_value = (
            "<p>Le contrat local de santé coordonne les acteurs de la santé du territoire.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Décrivez l'image dans le texte alternatif, ou cochez « décorative » "
            "si elle n'apporte aucune information."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Légende"), required=False, max_length=250, help_text=_("Facultative.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure.html"
        description = _("Une image avec son texte alternatif et une légende facultative.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"), help_text=_("Le texte cité, sans guillemets."))
    attribution = blocks.CharBlock(
        label=_("Auteur ou source"), required=False, max_length=150, help_text=_("Facultatif.")
    )
    photo = ImageChooserBlock(
        label=_("Photo"),
        required=False,
        help_text=_(
            "Facultative : le portrait de la personne citée, affiché en petit à côté de son "
            "nom (image décorative : le nom suffit)."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote.html"
        description = _("Une citation mise en valeur, avec son auteur et sa photo facultatifs.")
        preview_value = {
            "quote": "Agir ensemble pour la santé de tous les habitants.",
            "attribution": "Comité de pilotage",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label=_("Document"), help_text=_("Le document à proposer au téléchargement.")
    )
    title = blocks.CharBlock(
        label=_("Intitulé du lien"),
        required=False,
        max_length=200,
        help_text=_("Laissez vide pour reprendre le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "home/blocks/document_link.html"
        description = _("Un lien de téléchargement qui indique le format et le poids du fichier.")


class LinkBlock(blocks.StructBlock):
    """A link to an internal page or, failing that, an external address."""

    label = blocks.CharBlock(
        label=_("Intitulé"),
        max_length=100,
        help_text=_("Le texte du lien, explicite hors contexte."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page du site"), required=False, help_text=_("Choisissez une page du site…")
    )
    url = blocks.URLBlock(
        label=_("Adresse externe"),
        required=False,
        help_text=_("… ou saisissez une adresse web complète (https://…)."),
    )

    class Meta:
        icon = "link"
        label = _("Lien")
        template = "home/blocks/link.html"
        description = _("Un lien vers une page du site ou un autre site.")
        preview_value = {"label": "Agence régionale de santé", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choisissez une page du site ou saisissez une adresse, pas les deux.")
                    )
                }
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Chiffre"),
        max_length=20,
        help_text=_("Par exemple « 138 » ou « 5 »."),
    )
    label = blocks.CharBlock(
        label=_("Libellé"),
        max_length=80,
        help_text=_("Par exemple « communes couvertes »."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffre clé")
        template = "home/blocks/key_figure.html"
        description = _("Un chiffre marquant et son libellé.")
        preview_value = {"value": "138", "label": "communes couvertes"}


class ButtonLinkBlock(LinkBlock):
    """A link drawn as a button, for the one action a section leads to."""

    style = blocks.ChoiceBlock(
        label=_("Apparence"),
        choices=[("primary", _("Bouton plein")), ("secondary", _("Bouton à contour"))],
        default="primary",
        help_text=_("Un seul bouton plein par section : c'est l'action principale."),
    )

    class Meta:
        icon = "link-external"
        label = _("Bouton")
        template = "home/blocks/button_link.html"
        description = _("Un lien en forme de bouton vers une page du site ou un autre site.")
        preview_value = {
            "label": "Consulter le contrat local de santé",
            "url": "https://example.org/",
            "style": "primary",
        }


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(
        KeyFigureBlock(),
        label=_("Chiffres"),
        min_num=1,
        max_num=6,
        help_text=_(
            "De 1 à 6 chiffres, présentés côte à côte (les uns sous les autres sur mobile)."
        ),
    )

    class Meta:
        icon = "order"
        label = _("Chiffres clés")
        template = "home/blocks/key_figures.html"
        description = _("Une rangée de chiffres marquants, chacun avec son libellé.")
        preview_value = {
            "figures": [
                {"value": "137", "label": "communes"},
                {"value": "5", "label": "axes stratégiques"},
                {"value": "32", "label": "fiches action"},
            ]
        }
