import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import (
    blocks_example,
    haute_vallee_aude,
    haute_vallee_aude_en,
    pays_ruffecois,
    pays_ruffecois_en,
)
from home.demo.translation import build_english_edition


class Command(BaseCommand):
    help = (
        "Crée les deux sites de démonstration (Haute Vallée de l'Aude sur localhost, "
        "Pays du Ruffécois sur ruffecois.localhost) et un compte administrateur. "
        "Relancer la commande ne modifie rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-username", default="admin", help="Identifiant du compte administrateur."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            self.remove_wagtail_welcome_page()
            sites = [haute_vallee_aude.build(), pays_ruffecois.build()]
        # Outside the transaction above: wagtail-localize publishes each translation on
        # commit, and a child can only be translated once its parent is published. One set
        # of strings for both sites: organisations and tags are shared.
        english = {**haute_vallee_aude_en.ENGLISH, **pays_ruffecois_en.ENGLISH}
        for site in sites:
            build_english_edition(site, english)
        # After the English edition: the blocks' example page shows editors the blocks and
        # stays French (untranslated pages answer 404 under /en/).
        with transaction.atomic():
            ruffecois_home = sites[1].root_page.specific
            blocks_example.build(ruffecois_home, ruffecois_home.featured_contract.specific)
        for site in sites:
            self.stdout.write(f"Site « {site.site_name} » : http://{site.hostname}:8000/")
        self.create_admin(options["admin_username"])

    def remove_wagtail_welcome_page(self):
        """Wagtail's install creates a placeholder page and site; the demo replaces them."""
        from wagtail.models import Page, Site

        placeholder = Page.objects.filter(
            depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
        )
        Site.objects.filter(root_page__in=placeholder).delete()
        placeholder.delete()

    def create_admin(self, username):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Le compte « {username} » existe déjà. Nouveau mot de passe : "
                f"python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username, f"{username}@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Administration : http://localhost:8000/admin/ — identifiant « {username} », "
                f"mot de passe « {password} » (affiché une seule fois)."
            )
        )
