from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def document_size(size):
    """A file size as French readers expect it: "80 Ko", "4,9 Mo" (1 Ko = 1,024 octets).

    Django's own `filesizeformat` prints the binary units "Kio"/"Mio" in French.
    """
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    units = [
        (1024**3, _("%(size)s Go")),
        (1024**2, _("%(size)s Mo")),
        (1024, _("%(size)s Ko")),
    ]
    for factor, label in units:
        if size >= factor:
            value = round(size / factor, 1)
            decimals = 0 if value >= 100 or value == int(value) else 1
            return label % {"size": number_format(value, decimals)}
    return ngettext("%(size)s octet", "%(size)s octets", size) % {"size": size}
