from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactCardBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Carte de contact"))
        kwargs.setdefault(
            "help_text", _("Affiche les coordonnées d'une personne ou d'un service à contacter.")
        )
        super().__init__("contacts.ContactCard", **kwargs)

    class Meta:
        icon = "user"
        template = "contacts/blocks/contact_card.html"
        description = _("Les coordonnées d'un contact : nom, fonction, téléphone, horaires.")
