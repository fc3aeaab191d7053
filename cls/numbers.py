import re
from decimal import Decimal, InvalidOperation


def parse_number(text):
    """ "1 234,5", "80 %", "150 personnes" → Decimal; None when there is no number."""
    match = re.search(r"-?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?", text or "")
    if not match:
        return None
    try:
        return Decimal(re.sub(r"\s", "", match.group()).replace(",", "."))
    except InvalidOperation:
        return None
