"""A video from a known provider, loaded only on the visitor's click, with its transcript."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.videos import video_from_url

from .layout import BLOCK_TEXT_FEATURES


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Adresse de la vidéo"),
        help_text=_(
            "L'adresse de la vidéo sur YouTube, Vimeo, Dailymotion ou une instance PeerTube "
            "autorisée (https://…). Le lecteur ne se charge que si le visiteur le demande."
        ),
    )
    title = blocks.CharBlock(
        label=_("Titre de la vidéo"),
        max_length=150,
        help_text=_("Dit de quoi parle la vidéo ; repris dans le lien vers la vidéo."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcription"),
        features=BLOCK_TEXT_FEATURES,
        help_text=_(
            "Obligatoire : tout ce qui est dit et montré d'important dans la vidéo, pour les "
            "personnes sourdes ou malentendantes et celles qui ne peuvent pas la lire."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "home/blocks/video.html"
        description = _(
            "Une vidéo YouTube, Vimeo, Dailymotion ou PeerTube avec sa transcription ; "
            "rien n'est chargé depuis l'hébergeur avant le clic du visiteur."
        )
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Présentation du contrat local de santé (exemple)",
            "transcript": (
                "<p>La coordinatrice présente les cinq axes du contrat et les premières "
                "actions menées dans les communes.</p>"
            ),
        }

    def clean(self, value):
        value = super().clean(value)
        if not video_from_url(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Cette adresse n'est pas celle d'une vidéo YouTube, Vimeo, "
                            "Dailymotion ou d'une instance PeerTube autorisée. Copiez l'adresse "
                            "de la page de la vidéo (par exemple "
                            "https://www.youtube.com/watch?v=…)."
                        )
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["video"] = video_from_url(value["url"])
        return context
