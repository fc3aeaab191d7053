"""manage.py import_communes <fichier.csv> [--contract <id ou slug> [--epci <SIREN> …]]"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cls.communes import CommuneFileError, load_communes
from cls.models import ContractPage


class Command(BaseCommand):
    help = (
        "Importe les communes d'un fichier CSV du code officiel géographique et, avec "
        "--contract, en fait le territoire d'un contrat (les communes des EPCI donnés "
        "par --epci, ou toutes celles du fichier). Formats acceptés : voir le README."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_path", help="Le fichier CSV (UTF-8).")
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

    def handle(self, *args, csv_path, contract, epci, **options):
        if epci and not contract:
            raise CommandError("--epci n'a de sens qu'avec --contract.")
        contract_page = find_contract(contract) if contract else None
        try:
            result = load_communes(csv_path, contract=contract_page, epci_sirens=epci)
        except FileNotFoundError:
            raise CommandError(f"Fichier introuvable : {csv_path}") from None
        except CommuneFileError as error:
            raise CommandError(f"Rien n'a été importé.\n{error}") from None
        self.stdout.write(
            f"{len(result.communes)} communes lues : {result.created} créées, "
            f"{result.updated} mises à jour."
        )
        if contract_page:
            contract_page.refresh_from_db()
            self.stdout.write(
                f"Territoire de « {contract_page.title} » : "
                f"{contract_page.communes.count()} communes."
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
