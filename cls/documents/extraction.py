"""Read the text of an uploaded document so that the site search finds what it says.

Runs in a task (see tasks.py), never in the request, and reads the file in a child
process (text_reader.py) killed at the limits, which hold even inside one page that
expands to a huge text: DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS (wall clock and CPU),
DOCUMENTS_EXTRACTION_MAX_MEMORY_MB (address space), DOCUMENTS_EXTRACTION_MAX_PAGES and
DOCUMENTS_EXTRACTION_MAX_CHARS. A damaged, protected or oversized file never raises: the
result says what happened, in words an editor understands.
"""

import json
import logging
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import text_reader

logger = logging.getLogger(__name__)

READER = Path(text_reader.__file__)
BLANKS = re.compile(r"[ \t\r\f\v]+")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("En attente")
    DONE = "done", gettext_lazy("Texte extrait")
    FAILED = "failed", gettext_lazy("Échec")
    UNSUPPORTED = "unsupported", gettext_lazy("Format non pris en charge")
    EXCEEDED = "exceeded", gettext_lazy("Limite dépassée")


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""
    message: str = ""


def extract_text(file, extension):
    """Return the Extraction of an open binary file whose name ends with `extension`."""
    extension = extension.lower()
    if extension not in text_reader.READERS:
        return Extraction(
            ExtractionStatus.UNSUPPORTED,
            message=_("Le texte des fichiers .%(extension)s n'est pas lu.")
            % {"extension": extension},
        )
    records, killed = run_reader(file.read(), extension)
    text = clean_text("\n".join(record["text"] for record in records if "text" in record))
    ending = records[-1] if records and "text" not in records[-1] else {}
    cut_short = len(text) > settings.DOCUMENTS_EXTRACTION_MAX_CHARS
    text = text[: settings.DOCUMENTS_EXTRACTION_MAX_CHARS]
    if killed or ending.get("error") == "memory":
        return Extraction(ExtractionStatus.EXCEEDED, text, limit_message(killed, text))
    if "error" in ending or not ending:
        return Extraction(ExtractionStatus.FAILED, message=failure_message(ending))
    reason = truncation_reason(ending["end"], cut_short)
    message = _("Texte tronqué : %(reason)s.") % {"reason": reason} if reason else ""
    return Extraction(ExtractionStatus.DONE, text, message)


def run_reader(data, extension):
    """The records printed by text_reader.py, and whether it was killed at the time limit."""
    timeout = settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS
    command = [
        sys.executable,
        "-I",  # neither the environment's PYTHON* variables nor the script's folder
        str(READER),
        extension,
        str(settings.DOCUMENTS_EXTRACTION_MAX_PAGES),
        str(settings.DOCUMENTS_EXTRACTION_MAX_CHARS),
        str(settings.DOCUMENTS_EXTRACTION_MAX_MEMORY_MB),
        str(max(timeout, 1)),
    ]
    try:
        # Fixed command: this interpreter running the reader next to this module.
        reader = subprocess.run(command, input=data, capture_output=True, timeout=timeout)  # noqa: S603
    except subprocess.TimeoutExpired as expired:
        return parse_records(expired.stdout), True
    records = parse_records(reader.stdout)
    if reader.returncode == text_reader.OUT_OF_MEMORY:
        records.append({"error": "memory"})
    elif reader.returncode:
        logger.warning(
            "Text reader ended with %s: %s", reader.returncode, reader.stderr[-500:].decode()
        )
    return records, reader.returncode == -signal.SIGXCPU


def parse_records(output):
    # The last line may be cut off by the kill.
    records = []
    for line in (output or b"").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break
    return records


def limit_message(killed, text):
    if killed:
        limit = _("Lecture arrêtée au bout de %(seconds)s s (durée maximale)") % {
            "seconds": settings.DOCUMENTS_EXTRACTION_TIMEOUT_SECONDS
        }
    else:
        limit = _(
            "Lecture arrêtée : le fichier demande plus de %(size)s Mo de mémoire (maximum)"
        ) % {"size": settings.DOCUMENTS_EXTRACTION_MAX_MEMORY_MB}
    if text:
        return _("%(limit)s ; seul le texte lu avant est cherchable.") % {"limit": limit}
    return _("%(limit)s ; le texte du fichier n'est pas cherchable.") % {"limit": limit}


def failure_message(ending):
    if ending.get("error") == "encrypted":
        return _("Le PDF est protégé par un mot de passe : son texte ne peut pas être lu.")
    return _("Le fichier est endommagé ou illisible.")


def truncation_reason(end, cut_short):
    if end == "pages":
        return ngettext(
            "seule la première page est lue",
            "seules les %(count)s premières pages sont lues",
            settings.DOCUMENTS_EXTRACTION_MAX_PAGES,
        ) % {"count": settings.DOCUMENTS_EXTRACTION_MAX_PAGES}
    if end == "chars" or cut_short:
        return _("le nombre maximal de caractères est atteint")
    return ""


def clean_text(text):
    # PostgreSQL refuses NUL characters in text columns; PDFs sometimes contain them.
    text = BLANKS.sub(" ", text.replace("\x00", ""))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
