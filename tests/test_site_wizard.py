"""« Nouveau site CLS »: an administrator creates a whole CLS site from one admin form."""

import html
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)
from wagtail.users.models import UserProfile

from cls.models import AgendaPage, Commune, CommuneFinderPage, ContractPage
from contacts.models import ContactCard, ContactPage
from home.models import HomePage, SiteSettings
from home.typography import french_typography

pytestmark = pytest.mark.django_db

URL = reverse("new_cls_site")
HOST = "lisieux.localhost"
SITE_NAME = "CLS du Pays d'Auge (exemple)"
ORGANISATION = "Communauté d'agglomération Lisieux Normandie"
LISIEUX_NORMANDIE = "200069532"  # CA Lisieux Normandie, 53 communes
LEGAL_SLUGS = ["mentions-legales", "donnees-personnelles", "accessibilite", "plan-du-site"]
RUFFECOIS = "CLS du Pays du Ruffécois"
CONSENT = "J'accepte que ces informations servent à répondre à ma demande"


def png_logo():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 60), (20, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("logo-lisieux.png", buffer.getvalue(), content_type="image/png")


def form_data(**changes):
    communes = Commune.objects.filter(epci_siren=LISIEUX_NORMANDIE).values_list("pk", flat=True)
    return {
        "site_name": SITE_NAME,
        "organisation_name": ORGANISATION,
        "hostname": HOST,
        "port": "",
        "communes": [str(pk) for pk in communes],
        "contact_email": "mission-sante@example.org",
        "palette": "garrigue",
        **changes,
    }


def text_of(response):
    """The response's HTML with entities decoded (apostrophes come as ')."""
    return html.unescape(response.content.decode())


def page_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return text_of(response)


def test_an_administrator_creates_a_whole_site_in_one_form(admin_client):
    form = page_html(admin_client, URL)
    for label in ("Nom du site", "Nom d'hôte", "Communes du territoire", "Logo", "Palette"):
        assert label in form
    assert 'data-controller="communes-picker"' in form  # the contracts' EPCI picker

    response = admin_client.post(URL, {**form_data(), "logo": png_logo()})

    site = Site.objects.get(hostname=HOST)
    home = site.root_page.specific
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[home.pk])
    explore = page_html(admin_client, response.url)
    assert f"Le site « {SITE_NAME} » est créé" in explore
    assert "complétez puis publiez le contrat" in explore
    assert (site.port, site.site_name, site.is_default_site) == (80, SITE_NAME, False)
    assert isinstance(home, HomePage) and home.live and home.title == SITE_NAME

    children = {page.slug: page.specific for page in home.get_children()}
    assert set(children) == {*LEGAL_SLUGS, "ma-commune", "agenda", "contact", "contrat"}
    assert all(children[slug].live for slug in [*LEGAL_SLUGS, "ma-commune", "agenda", "contact"])
    assert isinstance(children["ma-commune"], CommuneFinderPage)
    assert isinstance(children["agenda"], AgendaPage) and children["agenda"].show_in_menus

    contact = children["contact"]
    assert isinstance(contact, ContactPage)
    assert [(field.field_type, field.required) for field in contact.form_fields.all()] == [
        ("singleline", True),
        ("email", True),
        ("dropdown", True),
        ("multiline", True),
        ("checkbox", True),
    ]
    card = contact.recipient
    assert card.email == "mission-sante@example.org" and SITE_NAME in card.name

    contract = children["contrat"]
    assert isinstance(contract, ContractPage)
    assert not contract.live and contract.has_unpublished_changes  # a draft to complete
    assert contract.status == "elaboration" and contract.contact == card
    territory = contract.get_latest_revision_as_object().communes.all()
    assert sorted(commune.epci_siren for commune in territory) == [LISIEUX_NORMANDIE] * 53
    assert home.featured_contract_id == contract.pk

    settings = SiteSettings.for_site(site)
    assert settings.organisation_name == ORGANISATION
    assert settings.palette == "garrigue"
    collection = Collection.objects.get(name=SITE_NAME)
    assert settings.logo.collection == collection and settings.logo.width == 120
    assert settings.logo.file_size == len(settings.logo.file.read())
    footer_pages = [block.value["page"].pk for block in settings.footer_links]
    assert footer_pages == [children[slug].pk for slug in LEGAL_SLUGS]
    assert settings.accessibility_page_id == children["accessibilite"].pk

    editors = Group.objects.get(name=f"Éditeurs {SITE_NAME}")
    moderators = Group.objects.get(name=f"Modérateurs {SITE_NAME}")
    for group in (editors, moderators):
        assert {p.page_id for p in GroupPagePermission.objects.filter(group=group)} == {home.pk}
        assert {p.collection_id for p in GroupCollectionPermission.objects.filter(group=group)} == {
            collection.pk
        }
        assert {p.site_id for p in GroupSitePermission.objects.filter(group=group)} == {site.pk}
    workflow = home.get_workflow()
    assert [task.specific.groups.get() for task in workflow.tasks] == [moderators]


def test_the_new_sites_public_pages_answer_with_their_own_footer(admin_client):
    admin_client.post(URL, form_data())
    visitor = Client(HTTP_HOST=HOST)

    home = page_html(visitor, "/")
    assert f"<h1>{french_typography(SITE_NAME)}</h1>" in home
    footer = home[home.index('class="site-footer"') :]
    links = re.findall(r'<a href="([^"]+)"', footer)
    assert [f"/{slug}/" for slug in LEGAL_SLUGS] == links[:4]  # this host's, not another's
    assert "/accessibilite/" in links[4:]
    assert french_typography(ORGANISATION) in page_html(visitor, "/mentions-legales/")
    for path in (
        "/donnees-personnelles/",
        "/accessibilite/",
        "/plan-du-site/",
        "/ma-commune/",
        "/agenda/",
    ):
        page_html(visitor, path)
    contact = page_html(visitor, "/contact/")
    for label in ("Votre nom", "Votre adresse électronique", "Objet", "Votre message", CONSENT):
        assert french_typography(label) in contact
    assert visitor.get("/contrat/").status_code == 404  # a draft until the editors publish it
    assert french_typography(ORGANISATION) not in page_html(
        Client(HTTP_HOST="ruffecois.localhost"), "/"
    )


def test_only_administrators_see_and_open_the_wizard(admin_client, ruffecois_moderator):
    assert "Nouveau site CLS" in page_html(admin_client, reverse("wagtailadmin_home"))
    staff = Client()
    staff.force_login(ruffecois_moderator)
    assert "Nouveau site CLS" not in page_html(staff, reverse("wagtailadmin_home"))
    for response in (staff.get(URL, follow=True), staff.post(URL, form_data(), follow=True)):
        # Wagtail turns the refusal (PermissionDenied) into its admin home and a message.
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert "vous n'avez pas les autorisations" in text_of(response)
        assert "Nom d'hôte" not in text_of(response)
    assert not Site.objects.filter(hostname=HOST).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"hostname": "ruffecois.localhost"},
            "est déjà celui du site « CLS du Pays du Ruffécois »",
        ),
        (
            {"hostname": "Ruffecois.Localhost"},
            "est déjà celui du site « CLS du Pays du Ruffécois »",
        ),
        ({"hostname": "https://sante.lisieux.fr/"}, "n'est pas un nom d'hôte"),
        ({"site_name": RUFFECOIS}, "est déjà celui d'un site"),
        ({"communes": []}, "Ajoutez au moins une intercommunalité ou une commune."),
    ],
)
def test_a_taken_or_wrong_value_is_refused_in_french(admin_client, changes, message):
    sites_before = Site.objects.count()
    response = admin_client.post(URL, form_data(**changes))
    assert response.status_code == 200
    assert message in text_of(response) and "Le site n'a pas été créé" in text_of(response)
    assert Site.objects.count() == sites_before


def test_a_failure_midway_leaves_nothing_behind(admin_client, monkeypatch):
    def broken(home, recipient):
        raise RuntimeError("the contact page could not be saved")

    monkeypatch.setattr("home.site_wizard.creation.create_contact_page", broken)
    counts = [model.objects.count() for model in (Page, Site, Group, Collection, ContactCard)]
    media_files = stored_media_files()

    response = admin_client.post(URL, {**form_data(), "logo": png_logo()})

    assert response.status_code == 200
    assert "rien n'a été enregistré" in text_of(response)
    assert [model.objects.count() for model in (Page, Site, Group, Collection, ContactCard)] == (
        counts
    )
    assert not HomePage.objects.filter(title=SITE_NAME).exists()
    assert stored_media_files() == media_files  # the logo's file went with its row


def stored_media_files():
    return {path for path in Path(default_storage.location).rglob("*") if path.is_file()}


def test_an_administrator_using_the_english_admin_still_gets_a_french_site(
    admin_client, admin_user
):
    UserProfile.get_for_user(admin_user)
    UserProfile.objects.filter(user=admin_user).update(preferred_language="en")
    assert "Site name" in page_html(admin_client, URL)  # the form speaks English…

    admin_client.post(URL, form_data())

    home = Site.objects.get(hostname=HOST).root_page  # …the site is written in French
    titles = set(home.get_children().values_list("title", flat=True))
    assert {"Mentions légales", "Contacter la mission santé", "Ma commune"} <= titles
    assert Group.objects.filter(name=f"Éditeurs {SITE_NAME}").exists()
