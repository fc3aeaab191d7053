"""Rebuild communes_france.csv.gz from the npm package @etalab/decoupage-administratif.

    npm pack @etalab/decoupage-administratif@6.0.0
    tar xzf etalab-decoupage-administratif-6.0.0.tgz
    python3 cls/data/extract_communes.py package/data cls/data/communes_france.csv.gz

Only the Python standard library: it runs without the project's virtualenv. Current
communes only (type "commune-actuelle": no communes déléguées or associées, no municipal
arrondissements), sorted by INSEE code; each commune's EPCI comes from the members listed
in epci.json (a commune belongs to at most one). The gzip header carries no date, so the
same package gives the same bytes.
"""

import csv
import gzip
import io
import json
import sys
from pathlib import Path

COLUMNS = ["insee_code", "name", "postcodes", "population", "epci_siren", "epci_name"]


def commune_rows(package_data):
    communes = json.loads((package_data / "communes.json").read_text(encoding="utf-8"))
    epcis = json.loads((package_data / "epci.json").read_text(encoding="utf-8"))
    epci_of = {member["code"]: epci for epci in epcis for member in epci["membres"]}
    rows = []
    for commune in communes:
        if commune["type"] != "commune-actuelle":
            continue
        epci = epci_of.get(commune["code"], {})
        rows.append(
            [
                commune["code"],
                commune["nom"],
                " ".join(commune.get("codesPostaux", [])),
                commune.get("population", ""),
                epci.get("code", ""),
                epci.get("nom", ""),
            ]
        )
    return sorted(rows)


def write_csv_gz(rows, destination):
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with open(destination, "wb") as output:
        with gzip.GzipFile(filename="", mode="wb", fileobj=output, mtime=0) as compressed:
            compressed.write(text.getvalue().encode("utf-8"))


def main(package_data, destination):
    rows = commune_rows(Path(package_data))
    write_csv_gz(rows, destination)
    print(f"{len(rows)} communes written to {destination}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
