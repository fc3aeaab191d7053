from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from home.site_groups import setup_site_groups


class Command(BaseCommand):
    help = (
        "Crée pour chaque site les groupes « Éditeurs <site> » et « Modérateurs <site> », "
        "limités à l'arborescence et à la collection du site, et le circuit de modération "
        "(l'éditeur soumet, le modérateur publie). Relancer la commande ne modifie rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--collection",
            action="append",
            default=[],
            metavar="HÔTE=COLLECTION",
            help=(
                "Collection de documents et d'images d'un site, par exemple "
                "« ruffecois.localhost=CLS du Pays du Ruffécois ». Par défaut : la collection "
                "des documents déjà utilisés par le site, sinon une collection à son nom."
            ),
        )

    def handle(self, *args, **options):
        collection_names = self.parse_collections(options["collection"])
        sites = list(Site.objects.select_related("root_page").order_by("hostname"))
        unknown = set(collection_names) - {site.hostname for site in sites}
        if unknown:
            raise CommandError(f"Aucun site pour : {', '.join(sorted(unknown))}")
        with transaction.atomic():
            for site in sites:
                editors, moderators, collection = setup_site_groups(
                    site, collection_names.get(site.hostname)
                )
                self.stdout.write(
                    f"{site.hostname} : « {editors.name} », « {moderators.name} », "
                    f"collection « {collection.name} »"
                )

    @staticmethod
    def parse_collections(values):
        try:
            return dict(value.split("=", 1) for value in values)
        except ValueError as error:
            raise CommandError("--collection attend HÔTE=COLLECTION") from error
