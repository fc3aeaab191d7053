"""An example page showing editors every content block, labelled « Exemple » throughout.

Its illustration is drawn here (no image is downloaded); its video is a film of the
Blender Foundation (Creative Commons), loaded only if the visitor clicks.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from home.models import ContentPage
from home.page_building import get_or_create_child

from .common import paragraphs, rich

TITLE = "Exemple : les blocs de contenu"
NOTE = (
    "Page d'exemple : elle montre aux rédacteurs chaque bloc de contenu du site ; chiffres, "
    "questions, citation et personnes sont inventés."
)
ILLUSTRATION_TITLE = "Illustration d'exemple : un cabinet médical et un bus santé"


def illustration():
    """A small drawn illustration (a surgery and a health bus), stored as a Wagtail image."""
    Image = get_image_model()
    existing = Image.objects.filter(title=ILLUSTRATION_TITLE).first()
    if existing:
        return existing
    canvas = PillowImage.new("RGB", (800, 450), (226, 240, 238))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 330, 800, 450), fill=(120, 170, 110))
    draw.rectangle((90, 150, 330, 330), fill=(250, 250, 245), outline=(11, 71, 81), width=6)
    draw.polygon([(70, 150), (210, 60), (350, 150)], fill=(11, 71, 81))
    draw.rectangle((185, 200, 235, 250), fill=(179, 38, 30))  # the cross of a surgery
    draw.rectangle((160, 215, 260, 235), fill=(179, 38, 30))
    draw.rectangle((197, 190, 223, 260), fill=(179, 38, 30))
    draw.rounded_rectangle((430, 220, 730, 330), radius=24, fill=(11, 79, 138))
    for x in (460, 540, 620):
        draw.rectangle((x, 240, x + 60, 280), fill=(226, 240, 238))
    for x in (490, 670):
        draw.ellipse((x - 28, 305, x + 28, 361), fill=(27, 27, 27))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return Image.objects.create(
        title=ILLUSTRATION_TITLE,
        file=ImageFile(buffer, name="exemple-illustration.png"),
        description="Un cabinet médical et un bus santé garé à côté.",
    )


def image_block(image, alt_text=""):
    """An image block's value. Each block gets its own instance of the image: Wagtail keeps
    the block's alternative text on the instance itself."""
    fresh = type(image).objects.get(pk=image.pk)
    return {"image": fresh, "decorative": not alt_text, "alt_text": alt_text}


def body(contract, image):
    return [
        ("paragraph", rich("Chaque bloc ci-dessous est un exemple du catalogue des rédacteurs.")),
        (
            "callout",
            {
                "kind": "info",
                "title": "Permanence d'exemple",
                "text": rich("La mission santé reçoit sans rendez-vous le mardi, de 9 h à 12 h."),
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "",
                "text": rich("L'atelier du 1 juin est complet : inscrivez-vous au suivant."),
            },
        ),
        ("heading", {"text": "Questions fréquentes", "level": "h2"}),
        (
            "accordion",
            {
                "items": [
                    {
                        "question": "Qui peut participer aux actions du contrat ?",
                        "answer": rich("Tous les habitants du territoire, sans condition."),
                    },
                    {
                        "question": "Les ateliers sont-ils payants ?",
                        "answer": rich("Non : ils sont gratuits, sur inscription."),
                    },
                ]
            },
        ),
        ("heading", {"text": "En chiffres", "level": "h2"}),
        (
            "key_figures",
            {
                "figures": [
                    {"value": "12", "label": "ateliers d'exemple en 2026"},
                    {"value": "240", "label": "participants (exemple)"},
                ]
            },
        ),
        ("heading", {"text": "Le bus santé", "level": "h2"}),
        (
            "image_text",
            {
                "image": image_block(image, "Un cabinet médical et un bus santé garé à côté"),
                "text": paragraphs(
                    "Exemple : le bus santé passe chaque mois dans les villages éloignés "
                    "d'un cabinet médical.",
                    "Il propose des dépistages et des conseils de prévention.",
                ),
                "image_position": "left",
            },
        ),
        (
            "quote",
            {
                "quote": "Le bus nous évite quarante minutes de route pour un dépistage.",
                "attribution": "Une habitante (témoignage d'exemple)",
                "photo": image,
            },
        ),
        ("heading", {"text": "Pour aller plus loin", "level": "h2"}),
        (
            "cards",
            {
                "cards": [
                    {
                        "label": "Le contrat local de santé",
                        "page": contract,
                        "url": "",
                        "text": "Ses axes, ses actions et ses documents.",
                        "image": image_block(image),
                    },
                    {
                        "label": "Un site partenaire (exemple)",
                        "page": None,
                        "url": "https://example.org/partenaire",
                        "text": "Une adresse d'exemple.",
                        "image": None,
                    },
                ]
            },
        ),
        (
            "button",
            {"label": "Découvrir le contrat", "page": contract, "url": "", "style": "primary"},
        ),
        (
            "table",
            {
                "first_column_is_header": True,
                "table": {
                    "caption": "Ateliers d'exemple par commune",
                    "columns": [
                        {"type": "text", "heading": "Commune"},
                        {"type": "text", "heading": "Ateliers"},
                        {"type": "text", "heading": "Participants"},
                    ],
                    "rows": [
                        {"values": ["Ruffec", "5", "96"]},
                        {"values": ["Mansle", "4", "71"]},
                    ],
                },
            },
        ),
        ("heading", {"text": "En vidéo", "level": "h2"}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                "title": "Big Buck Bunny (vidéo d'exemple)",
                "transcript": rich(
                    "Film d'animation sans dialogue de la Blender Foundation : un grand lapin "
                    "se venge de trois rongeurs qui le harcèlent. Vidéo d'exemple, sans lien "
                    "avec le contrat."
                ),
            },
        ),
    ]


def build(home, contract):
    """The example page, a child of the home page (not in the menu)."""
    return get_or_create_child(
        home,
        ContentPage,
        TITLE,
        slug="exemple-blocs",
        intro="Une page d'exemple qui présente les blocs que les rédacteurs peuvent utiliser.",
        example_note=NOTE,
        body=body(contract, illustration()),
    )
