"""Dates written the French way in the demo's titles ("1er octobre 2014")."""

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def french_date(date):
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS[date.month - 1]} {date.year}"
