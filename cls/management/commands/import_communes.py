"""manage.py import_communes [<fichier.csv> | --france] [--contract <id ou slug> [--epci <SIREN>…]]

Without a file, --contract and --epci take the communes of the national list.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from cls.communes import (
    CommuneFileError,
    assign_territory,
    check_contract_is_published,
    load_communes,
)
from cls.communes_france import (
    UnknownEpciError,
    ensure_communes_of_epcis,
    load_national_communes,
)
from cls.models import ContractPage


class Command(BaseCommand):
    help = (
        "Importe les communes d'un fichier CSV du code officiel géographique et, avec "
        "--contract, en fait le territoire d'un contrat (les communes des EPCI donnés "
        "par --epci, ou toutes celles du fichier). Sans fichier, --contract et --epci "
        "prennent les communes de la liste nationale livrée avec le site, que --france "
        "recharge. Formats acceptés : voir docs/exploitation.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_path", nargs="?", help="Le fichier CSV (UTF-8).")
        parser.add_argument(
            "--france",
            action="store_true",
            help="Recharge la liste nationale des communes (cls/data/communes_france.csv.gz).",
        )
        parser.add_argument(
            "--contract", help="Identifiant (nombre) ou slug de la page du contrat."
        )
        parser.add_argument(
            "--epci",
            action="append",
            default=[],
            metavar="SIREN",
            help="SIREN d'un EPCI du territoire ; à répéter pour chaque EPCI.",
        )

    def handle(self, *args, csv_path, france, contract, epci, **options):
        if epci and not contract:
            raise CommandError("--epci n'a de sens qu'avec --contract.")
        if france or not csv_path:
            return self.from_national_list(france, contract, epci)
        contract_page = find_contract(contract) if contract else None
        try:
            result = load_communes(csv_path, contract=contract_page, epci_sirens=epci)
        except FileNotFoundError:
            raise CommandError(f"Fichier introuvable : {csv_path}") from None
        except CommuneFileError as error:
            raise CommandError(f"Rien n'a été importé.\n{error}") from None
        self.report(result)
        if contract_page:
            self.report_territory(contract_page)

    def from_national_list(self, france, contract, epci):
        if france and contract:
            raise CommandError("--france recharge toutes les communes : sans --contract.")
        if france:
            with transaction.atomic():
                self.report(load_national_communes())
            return
        if not (contract and epci):
            raise CommandError("Donnez un fichier CSV, ou --france, ou --contract avec ses --epci.")
        contract_page = find_contract(contract)
        try:
            check_contract_is_published(contract_page)
            with transaction.atomic():
                assign_territory(contract_page, ensure_communes_of_epcis(epci))
        except (CommuneFileError, UnknownEpciError) as error:
            raise CommandError(f"Territoire inchangé.\n{error}") from None
        self.report_territory(contract_page)

    def report(self, result):
        self.stdout.write(
            f"{len(result.codes)} communes lues : {result.created} créées, "
            f"{result.updated} mises à jour."
        )

    def report_territory(self, contract_page):
        contract_page.refresh_from_db()
        self.stdout.write(
            f"Territoire de « {contract_page.title} » : {contract_page.communes.count()} communes."
        )


def find_contract(identifier):
    """The contract page by id, or by slug in the default language (translations share it)."""
    if identifier.isdigit():
        contract = ContractPage.objects.filter(pk=int(identifier)).first()
        if contract is None:
            raise CommandError(f"Aucun contrat n'a l'identifiant {identifier}.")
        return contract
    contracts = list(
        ContractPage.objects.filter(slug=identifier, locale=Locale.get_default(), alias_of=None)
    )
    if not contracts:
        raise CommandError(f"Aucun contrat n'a le slug « {identifier} ».")
    if len(contracts) > 1:
        ids = ", ".join(str(contract.pk) for contract in contracts)
        raise CommandError(
            f"Plusieurs contrats ont le slug « {identifier} » : donnez son identifiant ({ids})."
        )
    return contracts[0]
