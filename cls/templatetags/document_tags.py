from functools import lru_cache

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from cls.documents.privacy import is_private

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


@register.simple_tag(takes_context=True)
def document_link(context, document, title=""):
    """The one way a document link is written on the site: its title, then format, size,
    date and (when not the page's) language, all inside the link so that a screen reader
    listing links hears them too. `title` optionally replaces the document's. A title in
    another language than the page's says so (`lang`), for screen readers to read it
    right. Nothing for a document the visitor may not open: its title is private too.

    A tag rather than an included template: a list of 20 documents rendered the include
    in 3.5 ms, about a fifth of the document list page.
    """
    if not document or is_private(document, context.get("request")):
        return ""
    page_language = get_language()
    other_language = document.language and document.language != page_language
    return format_html(
        '<a class="doc-link" href="{}"{}>{} <span class="doc-link__meta">({})</span></a>',
        document.url,
        format_html(' hreflang="{}"', document.language) if other_language else "",
        title
        or (
            format_html('<span lang="{}">{}</span>', document.language, document.title)
            if other_language
            else document.title
        ),
        document_details(
            document.format_label,
            document.file_size,
            document.date,
            document.language,
            page_language,
        ),
    )


# Remembered by the process: formatting a size and a date took 30 µs, most of a document
# link's cost, and a list page shows 20 of them on every request.
@lru_cache(maxsize=4096)
def document_details(format_label, file_size, date, language, page_language):
    """What a visitor needs to know before opening a document, in the active language
    (`page_language`): "PDF – 4,9 Mo, 2 octobre 2014", plus "en anglais" when the
    document's language is not the page's.
    """
    kind = format_label
    if file_size:
        kind = _("%(format)s – %(size)s") % {"format": kind, "size": document_size(file_size)}
    details = [kind]
    if date:
        details.append(
            format_html(
                '<time datetime="{}">{}</time>', date.isoformat(), date_format(date, "j F Y")
            )
        )
    if language and language != page_language:
        details.append(in_language(language))
    return format_html_join(", ", "{}", ((detail,) for detail in details))


# Whole phrases, not language names: their case and grammar differ between languages.
IN_LANGUAGE = {
    "fr": gettext_lazy("en français"),
    "en": gettext_lazy("en anglais"),
    "es": gettext_lazy("en espagnol"),
    "de": gettext_lazy("en allemand"),
    "it": gettext_lazy("en italien"),
    "pt": gettext_lazy("en portugais"),
    "ar": gettext_lazy("en arabe"),
    "oc": gettext_lazy("en occitan"),
    "ca": gettext_lazy("en catalan"),
}


def in_language(code):
    phrase = IN_LANGUAGE.get(code.split("-")[0].lower())
    return phrase or _("langue : %(code)s") % {"code": code}
