"""Find the date a file name holds: "CR_2014-10-02.pdf", "compte-rendu-2-octobre-2014.pdf"."""

import datetime
import re
import unicodedata

FRENCH_MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
SEPARATOR = r"[\s_.-]+"
YEAR = r"(?P<year>(?:19|20)\d{2})"
# Most explicit first: a spelled-out month cannot be misread.
PATTERNS = [
    re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:er)?{SEPARATOR}(?P<month>{'|'.join(FRENCH_MONTHS)})"
        rf"{SEPARATOR}{YEAR}(?!\d)"
    ),
    re.compile(rf"(?<!\d){YEAR}[_.-](?P<month>\d{{1,2}})[_.-](?P<day>\d{{1,2}})(?!\d)"),
    # A letter before the day means a version or a code ("v2_12-2014"), not a date.
    re.compile(rf"(?<![\da-z])(?P<day>\d{{1,2}})[_./-](?P<month>\d{{1,2}})[_./-]{YEAR}(?!\d)"),
    re.compile(rf"(?<!\d){YEAR}(?P<month>\d{{2}})(?P<day>\d{{2}})(?!\d)"),
]


def date_from_filename(name):
    """Return the first valid date written in `name`, or None."""
    # "Février" and "fevrier" alike: compare without accents or capitals.
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for pattern in PATTERNS:
        for match in pattern.finditer(name):
            month = match["month"]
            try:
                return datetime.date(
                    int(match["year"]),
                    FRENCH_MONTHS[month] if month in FRENCH_MONTHS else int(month),
                    int(match["day"]),
                )
            except ValueError:
                continue  # e.g. "2014-13-45": not a date, look further
    return None
