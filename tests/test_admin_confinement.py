"""An editor or moderator of one site sees nothing of another site, anywhere in the admin.

The walk resolves the admin URLconf: every named admin route, filled with the other
site's objects (pages, revisions, workflow, documents, images, collections, snippets,
settings, users, translations…), then every bulk action, then the public download.
"""

from collections import Counter

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from contacts.models import ContactCard
from home.models import SiteSettings

from .admin_walk import OtherSite, admin_routes, readable_text
from .conftest import AUDE_HOST, RUFFECOIS_HOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def aude(aude_site, ruffecois_site, aude_editor):
    return OtherSite(aude_site, aude_editor, own_site=ruffecois_site)


FAILURES = ("erreur", "réponse 5xx")


def leaks(client, url, secrets):
    """What the response to `url` wrongly shows of the other site (a 500 counts)."""
    try:
        response = client.get(url)
    except Exception as error:  # the test client re-raises what would be a 500
        return [FAILURES[0], f"{type(error).__name__}: {error}"]
    if response.status_code >= 500:
        return [FAILURES[1], response.status_code]
    text = readable_text(response)
    return [secret for secret in secrets if secret in text]


def walk(client, urls, secrets):
    found = {}
    for url in urls:
        if problems := leaks(client, url, secrets):
            found[url] = problems
    return found


def report(found):
    return "\n".join(f"{url} : {problems}" for url, problems in sorted(found.items()))


@pytest.mark.parametrize("staff", ["ruffecois_editor", "ruffecois_moderator"])
def test_no_admin_url_shows_another_sites_data(staff, request, aude):
    client = Client(HTTP_HOST=RUFFECOIS_HOST)  # the admin, as reached from their own site
    client.force_login(request.getfixturevalue(staff))
    routes = admin_routes()
    urls = [url for route in routes for url in aude.urls(route)]
    urls.append(aude.document.url)  # the download, outside the admin
    assert len(aude.secrets) > 30, aude.secrets
    found = walk(client, urls, aude.secrets)
    assert not found, report(found)
    families = Counter(route.name.split(":")[0] for route in routes)
    assert len(routes) > 240 and len(families) > 40, families


def test_the_walk_sees_what_an_administrator_may_see(admin_user, aude):
    """The same walk as an administrator finds the other site's data: it would see a leak."""
    client = Client()
    client.force_login(admin_user)
    urls = [url for route in admin_routes() for url in aude.urls(route)]
    found = walk(client, urls, aude.secrets)
    failures = {url: problems for url, problems in found.items() if problems[0] in FAILURES}
    assert not failures, report(failures)
    shown = {secret for problems in found.values() for secret in problems}
    assert shown >= {
        "Compte rendu confidentiel du COPIL Aude",
        "Photo réservée à l'Aude",
        "Action en cours de relecture Aude",
        "Message confidentiel pour la mission santé de l'Aude",
        "Hébergement confidentiel de l'Aude",
        "Bérénice Audoise",
    }


@pytest.mark.parametrize("host", [RUFFECOIS_HOST, AUDE_HOST])
def test_a_site_editor_edits_the_settings_of_their_own_site_only(
    host, ruffecois_editor, ruffecois_site, aude_site
):
    client = Client(HTTP_HOST=host)
    client.force_login(ruffecois_editor)
    # From any host, the settings menu opens the editor's own site's settings.
    own_url = f"/admin/settings/home/sitesettings/{ruffecois_site.pk}/"
    assert client.get("/admin/settings/home/sitesettings/").url == own_url
    form_page = client.get(own_url)
    assert form_page.status_code == 200
    html = readable_text(form_page)
    assert SiteSettings.for_site(ruffecois_site).organisation_name in html
    assert SiteSettings.for_site(aude_site).organisation_name not in html

    data = querydict_from_html(form_page.content.decode(), form_id="w-editor-form")
    data["phone"] = "05 45 30 00 99"
    data["footer_links-count"] = "0"  # the StreamField widget's, normally set by its JS
    assert client.post(own_url, data).status_code == 302
    assert SiteSettings.for_site(ruffecois_site).phone == "05 45 30 00 99"

    other_url = f"/admin/settings/home/sitesettings/{aude_site.pk}/"
    assert client.get(other_url).status_code in (302, 403)
    client.post(other_url, {**data, "organisation_name": "Piraté"})
    assert SiteSettings.for_site(aude_site).organisation_name != "Piraté"


def test_a_private_document_is_downloaded_by_its_own_sites_staff_only(
    aude, ruffecois_editor, aude_editor
):
    """Its collection is kept for logged-in users: the Aude staff, not the other site's."""
    other_site_staff = Client(HTTP_HOST=AUDE_HOST)
    other_site_staff.force_login(ruffecois_editor)
    refused = other_site_staff.get(aude.document.url)
    assert refused.status_code == 403
    assert b"%PDF" not in refused.content

    own_staff = Client(HTTP_HOST=AUDE_HOST)
    own_staff.force_login(aude_editor)
    served = own_staff.get(aude.document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF")

    visitor = Client(HTTP_HOST=AUDE_HOST).get(aude.document.url)
    assert visitor.status_code == 302  # to the login page
    assert b"%PDF" not in visitor.content


def test_the_contact_card_chooser_offers_the_cards_of_the_editors_site(ruffecois_editor, aude):
    """A card shown only on the other site's pages is that site's; a new card is anyone's."""
    new_card = ContactCard.objects.create(name="Camille Nouvelle", role="Coordinatrice")
    client = Client(HTTP_HOST=RUFFECOIS_HOST)
    client.force_login(ruffecois_editor)
    html = readable_text(client.get("/admin/snippets/choose/contacts/contactcard/"))
    assert "Julien Morel" in html  # the Ruffécois officer
    assert new_card.name in html
    assert aude.contact_card.name not in html
    chosen = "/admin/snippets/choose/contacts/contactcard/chosen/{}/"
    assert client.get(chosen.format(aude.contact_card.pk)).status_code == 404
    assert client.get(chosen.format(new_card.pk)).status_code == 200
