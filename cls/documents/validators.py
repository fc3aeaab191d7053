import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


def validate_document_extension(file):
    """Refuse any format outside WAGTAILDOCS_EXTENSIONS (html, svg, js… never get in).

    Served from the site's own domain, such files could run scripts in visitors' browsers.
    """
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    extension = os.path.splitext(file.name or "")[1][1:].lower()
    if extension not in allowed:
        raise ValidationError(
            _(
                "Les fichiers « .%(extension)s » ne sont pas acceptés sur le site. "
                "Formats acceptés : %(allowed)s. Enregistrez le document en PDF si besoin."
            ),
            code="invalid_extension",
            params={"extension": extension, "allowed": ", ".join(allowed)},
        )


# The document's language goes into hreflang and lang attributes: a code, not a name.
validate_language_code = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("Un code de langue en minuscules, par exemple « fr », « en » ou « oc »."),
)
