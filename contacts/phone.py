def tel_uri(phone):
    """A French phone number as a tel: URI in international form ("04 68…" → tel:+334…)."""
    digits = "".join(char for char in phone if char.isdigit() or char == "+")
    if digits.startswith("0") and len(digits) == 10:
        digits = "+33" + digits[1:]
    return f"tel:{digits}"
