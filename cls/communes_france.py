"""Every commune of France, shipped with the kit (cls/data/communes_france.csv.gz, see the
README there): loaded by a migration, and the national list of EPCIs a territory is made of.

For the « Nouveau site CLS » wizard and the commands:
- `epci_choices("limoux")`: EPCIs found by name or SIREN, to pick a territory from;
- `ensure_communes_of_epcis(["200071926", …])`: their communes, from the database.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import ngettext

from .commune_names import search_key
from .commune_store import save_communes
from .communes import DATA_DIR, read_communes
from .models import Commune

FRANCE_FILE = DATA_DIR / "communes_france.csv.gz"
MAX_EPCI_CHOICES = 20


@dataclass(frozen=True)
class Epci:
    """An intercommunality (établissement public de coopération intercommunale)."""

    siren: str
    name: str
    commune_codes: tuple  # INSEE codes of its communes
    population: int

    @property
    def label(self):
        count = len(self.commune_codes)
        return ngettext("%(name)s (%(count)d commune)", "%(name)s (%(count)d communes)", count) % {
            "name": self.name,
            "count": count,
        }

    @functools.cached_property
    def search_name(self):
        return search_key(self.name)

    def name_starts_with(self, words):
        """Whether each word typed starts a word of the name."""
        name_words = self.search_name.split()
        return all(any(part.startswith(word) for part in name_words) for word in words)


class UnknownEpciError(ValueError):
    """A SIREN that is not an EPCI of the national list; the message is in French."""


def national_rows():
    return read_communes(FRANCE_FILE)


@functools.cache
def national_epcis():
    """The EPCIs of the national list by SIREN (read once per process, in half a second)."""
    members = defaultdict(list)
    for row in national_rows():
        if row["epci_siren"]:
            members[row["epci_siren"], row["epci_name"]].append(row)
    return {
        siren: Epci(
            siren,
            name,
            tuple(row["insee_code"] for row in rows),
            sum(row["population"] or 0 for row in rows),
        )
        for (siren, name), rows in members.items()
    }


def epci_choices(query, limit=MAX_EPCI_CHOICES):
    """EPCIs whose name has words starting with each word typed (accents, case, hyphens
    ignored: "pyrenees aud" finds « CC Pyrénées audoises »), or whose SIREN starts with the
    digits typed; sorted by name, at most `limit`."""
    query = query.strip()
    words = search_key(query).split()
    if not words:
        return []
    if query.isdigit():
        found = [epci for siren, epci in national_epcis().items() if siren.startswith(query)]
    else:
        found = [epci for epci in national_epcis().values() if epci.name_starts_with(words)]
    return sorted(found, key=lambda epci: epci.search_name)[:limit]


def load_national_communes(model=Commune):
    """Create or update every commune of the national list (none is ever deleted: contracts
    may still name a commune merged since). `model`: Commune or its migration version."""
    return save_communes(national_rows(), model)


def ensure_communes_of_epcis(sirens):
    """The communes of these EPCIs (SIRENs of the national list), sorted by name.

    They come from the database, which the migration filled; if any is missing there
    (communes deleted by hand), the national list is loaded again first. An unknown SIREN
    raises UnknownEpciError and loads nothing."""
    epcis = national_epcis()
    unknown = [siren for siren in sirens if siren not in epcis]
    if unknown:
        raise UnknownEpciError(
            ngettext(
                "Aucune intercommunalité de la liste nationale n'a le SIREN %(sirens)s.",
                "Aucune intercommunalité de la liste nationale n'a les SIREN %(sirens)s.",
                len(unknown),
            )
            % {"sirens": ", ".join(unknown)}
        )
    expected = {code for siren in sirens for code in epcis[siren].commune_codes}
    communes = Commune.objects.filter(epci_siren__in=sirens).order_by("name", "insee_code")
    if expected - {commune.insee_code for commune in communes}:
        with transaction.atomic():
            load_national_communes()
    return list(communes.all())
