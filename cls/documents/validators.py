"""What the admin accepts as a document file: an allowed extension, and content to match.

Served from the site's own domain, an HTML or SVG file could run scripts in visitors'
browsers: neither its extension nor, renamed ".pdf", its content gets in. The content
is checked by its first bytes and, for the zip-based office formats, by the parts the
archive holds. These few checks are exact for the formats WAGTAILDOCS_EXTENSIONS lists;
general sniffing libraries guess Word, Excel and PowerPoint files from byte offsets and
the order of archive entries, which vary with the software that wrote them.
"""

import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

SAMPLE_BYTES = 64 * 1024
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 files
SIGNATURES = {
    "pdf": b"%PDF-",
    "jpg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
    "doc": OLE_SIGNATURE,
    "xls": OLE_SIGNATURE,
    "ppt": OLE_SIGNATURE,
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Zip archives: OpenDocument names its type in a "mimetype" entry, Office Open XML keeps
# its parts in a folder named after the application.
OPEN_DOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
OFFICE_OPEN_XML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
CHECKED_EXTENSIONS = {*SIGNATURES, *TEXT_EXTENSIONS, *OPEN_DOCUMENT_TYPES, *OFFICE_OPEN_XML_FOLDERS}
# In a text file, tags that make a browser run or show active content (HTML, SVG, XML).
MARKUP = re.compile(
    rb"<\s*[!?]|<\s*/?\s*(html|head|body|script|svg|iframe|object|embed|style|meta|link)\b",
    re.IGNORECASE,
)


def validate_document_extension(file):
    """Refuse any format outside WAGTAILDOCS_EXTENSIONS (html, svg, js… never get in)."""
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    extension = file_extension(file)
    if extension not in allowed:
        raise ValidationError(
            _(
                "Les fichiers « .%(extension)s » ne sont pas acceptés sur le site. "
                "Formats acceptés : %(allowed)s. Enregistrez le document en PDF si besoin."
            ),
            code="invalid_extension",
            params={"extension": extension, "allowed": ", ".join(allowed)},
        )


def validate_document_content(file):
    """Refuse a new file whose content is not of the type its extension says."""
    extension = file_extension(file)
    if extension not in CHECKED_EXTENSIONS:  # validate_document_extension refuses it
        return
    params = {"name": os.path.basename(file.name), "extension": extension}
    file.seek(0)
    try:
        sample = file.read(SAMPLE_BYTES)
        if is_markup(extension, sample):
            raise ValidationError(
                _(
                    "« %(name)s » contient du code de page web (HTML ou SVG), qui pourrait "
                    "s'exécuter dans le navigateur des visiteurs : il n'est pas accepté."
                ),
                code="markup",
                params=params,
            )
        if not content_matches(extension, sample, file):
            raise ValidationError(
                _(
                    "Le contenu de « %(name)s » n'est pas celui d'un fichier "
                    ".%(extension)s (le fichier a peut-être été renommé). Ouvrez-le dans le "
                    "logiciel qui l'a créé et enregistrez-le de nouveau dans ce format."
                ),
                code="content_mismatch",
                params=params,
            )
    finally:
        file.seek(0)


def file_extension(file):
    return os.path.splitext(file.name or "")[1][1:].lower()


def as_bytes(sample):
    """The sample as UTF-8 bytes, so that markup in UTF-16 text is found too."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if sample.startswith(bom):
            return sample.decode(encoding, errors="replace").encode()
    return sample


def is_markup(extension, sample):
    """Text with HTML or SVG tags, or any other file that begins as markup does."""
    text = as_bytes(sample)
    if extension in TEXT_EXTENSIONS:
        return MARKUP.search(text) is not None
    return text.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def content_matches(extension, sample, file):
    if extension in SIGNATURES:
        return sample.startswith(SIGNATURES[extension])
    if extension in TEXT_EXTENSIONS:  # any encoding; UTF-16 was turned into UTF-8 bytes
        return b"\x00" not in as_bytes(sample)
    names, mimetype = read_archive(file)
    if extension in OPEN_DOCUMENT_TYPES:
        return mimetype == OPEN_DOCUMENT_TYPES[extension]
    folder = OFFICE_OPEN_XML_FOLDERS[extension]
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def read_archive(file):
    """The entry names of a zip archive and its "mimetype" entry; nothing if not a zip."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" not in names:
                return names, b""
            with archive.open("mimetype") as entry:
                return names, entry.read(100).strip()
    except (zipfile.BadZipFile, NotImplementedError):  # not a zip, or not one we can read
        return set(), b""


# The document's language goes into hreflang and lang attributes: a code, not a name.
validate_language_code = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    _("Un code de langue en minuscules, par exemple « fr », « en » ou « oc »."),
)
