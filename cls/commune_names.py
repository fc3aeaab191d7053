"""Commune names reduced to a search key, so that "esperaza" finds "Espéraza".

The key is stored in Commune.search_name (indexed) and computed the same way from
what a visitor types: the match is a plain equality or prefix lookup that behaves
identically on SQLite and PostgreSQL and stays fast with the 35,000 French communes.
"""

import re
import unicodedata

# Ligatures that Unicode decomposition leaves whole (Œuilly, Lætitia).
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# Abbreviations common in addresses and lists: "St-Hilaire" is "Saint-Hilaire".
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def search_key(text):
    """Lower case, no accents, hyphens and apostrophes as spaces, St/Ste spelt out."""
    text = unicodedata.normalize("NFKD", text.lower().translate(LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)
