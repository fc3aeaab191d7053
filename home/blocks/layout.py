"""Blocks that arrange content: questions and answers, callouts, cards, image beside text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from .basic import LinkBlock

# Inside a block the page's own headings give the structure: no headings in these texts.
BLOCK_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def preview_image(**text):
    """The latest uploaded image, for previews of blocks that need one (None: no image yet)."""
    image = get_image_model().objects.order_by("-id").first()
    return {**text, "image": {"image": image, "decorative": True, "alt_text": ""}}


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=200,
        help_text=_("Toujours visible ; le visiteur clique dessus pour lire la réponse."),
    )
    answer = blocks.RichTextBlock(
        label=_("Réponse"), features=BLOCK_TEXT_FEATURES, help_text=_("Affichée à l'ouverture.")
    )

    class Meta:
        icon = "help"
        label = _("Question et réponse")


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(
        QuestionBlock(),
        label=_("Questions"),
        min_num=1,
        help_text=_(
            "Chaque question s'ouvre et se ferme au clic, même sans JavaScript. Gardez les "
            "réponses courtes ; ce qui est essentiel doit rester visible hors de l'accordéon."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Accordéon (questions fréquentes)")
        template = "home/blocks/accordion.html"
        description = _("Une liste de questions dont la réponse s'ouvre au clic (FAQ).")
        preview_value = {
            "items": [
                {
                    "question": "Qui peut participer aux actions du contrat ?",
                    "answer": "<p>Tous les habitants du territoire, gratuitement.</p>",
                },
                {
                    "question": "Comment proposer une action ?",
                    "answer": "<p>Écrivez à la mission santé par le formulaire de contact.</p>",
                },
            ]
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("info", _("Information")), ("warning", _("Attention"))],
        default="info",
        help_text=_(
            "« Attention » pour ce qui peut gêner le visiteur (date limite, changement de "
            "lieu) ; le type est écrit en toutes lettres, pas seulement signalé par la couleur."
        ),
    )
    title = blocks.CharBlock(
        label=_("Titre"), required=False, max_length=120, help_text=_("Facultatif, court.")
    )
    text = blocks.RichTextBlock(
        label=_("Texte"),
        features=BLOCK_TEXT_FEATURES,
        help_text=_("Le message, en une ou deux phrases."),
    )

    class Meta:
        icon = "warning"
        label = _("Encadré (information, alerte)")
        template = "home/blocks/callout.html"
        description = _("Un message mis en évidence : information ou mise en garde.")
        preview_value = {
            "kind": "warning",
            "title": "Changement de lieu",
            "text": "<p>La réunion du 12 juin se tiendra à la mairie de Quillan.</p>",
        }


class CardBlock(LinkBlock):
    text = blocks.TextBlock(
        label=_("Description"),
        required=False,
        max_length=300,
        help_text=_("Facultative : une ou deux phrases sous le titre."),
    )
    image = ImageBlock(
        label=_("Image"),
        required=False,
        help_text=_(
            "Facultative. Cochez « décorative » si elle n'ajoute rien au titre de la carte."
        ),
    )

    class Meta:
        icon = "doc-empty"
        label = _("Carte")


class CardsGridBlock(blocks.StructBlock):
    cards = blocks.ListBlock(
        CardBlock(),
        label=_("Cartes"),
        min_num=1,
        max_num=12,
        help_text=_(
            "Chaque carte mène à une page du site ou à un autre site ; son titre est le texte "
            "du lien : il doit se comprendre seul."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Grille de cartes")
        template = "home/blocks/cards_grid.html"
        description = _("Des cartes cliquables côte à côte, avec une image facultative.")
        preview_value = {
            "cards": [
                {
                    "label": "Agence régionale de santé",
                    "url": "https://example.org/ars",
                    "text": "Le partenaire principal du contrat.",
                },
                {
                    "label": "Caisse primaire d'assurance maladie",
                    "url": "https://example.org/cpam",
                    "text": "Vos droits et vos remboursements.",
                },
            ]
        }


class ImageTextBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Décrivez l'image dans le texte alternatif, ou cochez « décorative » "
            "si elle n'apporte aucune information."
        ),
    )
    text = blocks.RichTextBlock(
        label=_("Texte"), features=BLOCK_TEXT_FEATURES, help_text=_("Le texte à côté de l'image.")
    )
    image_position = blocks.ChoiceBlock(
        label=_("Position de l'image"),
        choices=[("left", _("À gauche")), ("right", _("À droite"))],
        default="left",
        help_text=_("Sur un téléphone, l'image passe toujours au-dessus du texte."),
    )

    class Meta:
        icon = "image"
        label = _("Image et texte")
        template = "home/blocks/image_text.html"
        description = _("Une image et un texte côte à côte.")
        preview_value = staticmethod(
            lambda: preview_image(
                text="<p>Le bus santé passe chaque mois dans les villages du territoire.</p>",
                image_position="left",
            )
        )
