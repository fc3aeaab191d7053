"""A new CLS site, created whole or not at all, by the same functions as the demo's sites
and the commands (setup_site_groups, create_legal_pages…)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from cls.site_pages import create_agenda, create_commune_finder, create_contract_draft
from contacts.default_page import create_contact_page
from contacts.models import ContactCard
from home.legal_pages import create_legal_pages
from home.models import HomePage, SiteSettings
from home.page_building import get_or_create_site
from home.site_groups import setup_site_groups
from home.theme import DEFAULT_PALETTE


@dataclass
class NewSite:
    """What the administrator gave the wizard (home/site_wizard/forms.py)."""

    site_name: str
    organisation_name: str
    hostname: str
    port: int
    communes: list  # Commune objects of the contract's territory
    contact_email: str
    logo: object = None  # an uploaded image file, or None
    palette: str = DEFAULT_PALETTE


@dataclass
class CreatedSite:
    site: object
    contract: object
    editors: object
    moderators: object
    collection: object


def create_site(new):
    """The Site, its published home page, legal pages (in the footer), « Ma commune » and
    contact pages, its contract as a draft with its territory, its collection, groups and
    moderation workflow, its settings; nothing if any step fails.

    Titles and texts are written in the site's language (French), whatever the language
    of the administrator's admin."""
    stored_files = []  # a rollback removes rows, not the files they pointed to
    try:
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            return build_site(new, stored_files)
    except Exception:
        for file in stored_files:
            file.storage.delete(file.name)
        raise


def build_site(new, stored_files):
    site = get_or_create_site(
        new.hostname,
        HomePage,
        new.site_name,
        port=new.port,
        intro=format_html(
            "<p>{}</p>",
            _(
                "Le contrat local de santé du territoire : ses actions, ses documents et "
                "comment joindre la mission santé."
            ),
        ),
    )
    home = site.root_page.specific
    editors, moderators, collection = setup_site_groups(site)
    site_settings = SiteSettings.for_site(site)
    site_settings.organisation_name = new.organisation_name
    site_settings.palette = new.palette
    if new.logo:
        logo = get_image_model()(title=new.organisation_name, file=new.logo, collection=collection)
        logo._set_image_file_metadata()  # size and hash, as the admin's upload form does
        logo.save()
        stored_files.append(logo.file)
        site_settings.logo = logo
    site_settings.save()
    create_legal_pages(home)  # the site exists: its footer links to them
    card = ContactCard.objects.create(
        name=_("Mission santé – %(site)s") % {"site": new.site_name},
        role=_("Chargé(e) de mission santé"),
        email=new.contact_email,
    )
    create_commune_finder(home)
    create_agenda(home)
    create_contact_page(home, card)
    contract = create_contract_draft(home, _("Le contrat local de santé"), new.communes, card)
    home.featured_contract = contract  # shown on the home page once published
    home.save_revision().publish()
    return CreatedSite(site, contract, editors, moderators, collection)
