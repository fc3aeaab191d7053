"""Each site's editors work on their own site only, and moderators publish their work."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import querydict_from_html

from cls.models import ActionPage, SiteDocument
from home.site_groups import collection_for_site

from .test_images import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, ruffecois_editor):
    client.force_login(ruffecois_editor)
    return client


def pages_of(site):
    return Page.objects.descendant_of(site.root_page, inclusive=True).specific()


def documents_of(site_name):
    return SiteDocument.objects.filter(collection__name=site_name)


def chooser_page_ids(html):
    return {int(pk) for pk in re.findall(r'<a class="choose-page"[^>]*\bdata-id="(\d+)"', html)}


@pytest.fixture
def site_images(site_groups, aude_site, ruffecois_site):
    """One image in each site's collection."""
    images = {}
    for name, site in (("aude", aude_site), ("ruffecois", ruffecois_site)):
        image = make_image(f"Photo {site.site_name}", width=40, height=30)
        image.collection = collection_for_site(site)
        image.save()
        images[name] = image
    return images


def test_running_the_command_twice_changes_nothing(site_groups):
    permissions = GroupPagePermission.objects.count()
    call_command("setup_site_groups", stdout=io.StringIO())
    assert GroupPagePermission.objects.count() == permissions


def test_each_site_uses_the_collection_of_its_documents(site_groups, aude_site):
    output = io.StringIO()
    call_command("setup_site_groups", stdout=output)
    assert "localhost : « Éditeurs CLS 2 Moyenne" in output.getvalue()
    assert "collection « CLS 2 Haute Vallée de l'Aude »" in output.getvalue()


def test_the_explorer_opens_on_the_editors_own_site(editor_client, ruffecois_site, aude_site):
    own = editor_client.get(f"/admin/pages/{ruffecois_site.root_page_id}/")
    assert own.status_code == 200
    assert "Plan du site" in own.content.decode() or ruffecois_site.site_name in (
        own.content.decode()
    )
    other = editor_client.get(f"/admin/pages/{aude_site.root_page_id}/")
    assert other.status_code == 404  # as if it did not exist (home/admin_scope/)
    assert aude_site.site_name not in other.content.decode()


def test_an_editor_cannot_open_another_sites_page_in_the_editor(editor_client, aude_site):
    for page in pages_of(aude_site)[:5]:
        response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 404, page.title


def test_an_editor_cannot_save_another_sites_page(editor_client, aude_site):
    page = pages_of(aude_site).exclude(pk=aude_site.root_page_id).first()
    editor_client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Piraté", "slug": page.slug})
    page.refresh_from_db()
    assert page.title != "Piraté"
    assert not page.has_unpublished_changes


def test_the_page_search_lists_only_the_editors_site(editor_client, aude_site, ruffecois_site):
    html = editor_client.get("/admin/pages/search/", {"q": "santé"}).content.decode()
    own_titles = [page.title for page in pages_of(ruffecois_site) if "santé" in page.title.lower()]
    assert any(title in html for title in own_titles)
    for page in pages_of(aude_site):
        assert f"/admin/pages/{page.pk}/edit/" not in html, page.title


def test_the_document_listing_shows_only_the_editors_site(editor_client, ruffecois_site):
    html = editor_client.get("/admin/documents/").content.decode()
    own = documents_of(ruffecois_site.site_name)
    assert own.exists()
    assert all(escape(document.title) in html for document in own)
    for document in SiteDocument.objects.exclude(pk__in=own):
        assert escape(document.title) not in html


def test_the_document_chooser_offers_only_the_editors_site(editor_client, ruffecois_site):
    html = editor_client.get("/admin/documents/chooser/").json()["html"]
    own = documents_of(ruffecois_site.site_name)
    assert any(escape(document.title) in html for document in own)
    for document in SiteDocument.objects.exclude(pk__in=own):
        assert escape(document.title) not in html


def test_an_editor_cannot_edit_another_sites_document(editor_client, ruffecois_site):
    document = SiteDocument.objects.exclude(collection__name=ruffecois_site.site_name).first()
    response = editor_client.get(f"/admin/documents/edit/{document.pk}/")
    assert response.status_code == 404
    assert escape(document.title) not in response.content.decode()


def test_the_page_chooser_offers_only_the_editors_site(editor_client, aude_site, ruffecois_site):
    own = {page.pk for page in pages_of(ruffecois_site)}
    top = editor_client.get("/admin/choose-page/").json()["html"]
    assert chooser_page_ids(top) == {ruffecois_site.root_page_id}
    inside_own = editor_client.get(f"/admin/choose-page/{ruffecois_site.root_page_id}/")
    assert chooser_page_ids(inside_own.json()["html"]) - own == set()
    assert len(chooser_page_ids(inside_own.json()["html"])) > 3
    # The other site's pages cannot be opened in the chooser by their number either.
    for page in pages_of(aude_site)[:5]:
        assert editor_client.get(f"/admin/choose-page/{page.pk}/").status_code == 404
    assert Client().get(f"/admin/choose-page/{aude_site.root_page_id}/").status_code == 302
    administrator = get_user_model().objects.create_superuser("admin-choix", "ac@example.org")
    administrator_client = Client()
    administrator_client.force_login(administrator)
    other_site = administrator_client.get(f"/admin/choose-page/{aude_site.root_page_id}/")
    assert chooser_page_ids(other_site.json()["html"]) - {aude_site.root_page_id}
    found = editor_client.get("/admin/choose-page/search/", {"q": "santé"}).content.decode()
    assert chooser_page_ids(found) and chooser_page_ids(found) <= own


def test_the_image_listing_and_chooser_offer_only_the_editors_site(editor_client, site_images):
    own, other = site_images["ruffecois"], site_images["aude"]
    for html in (
        editor_client.get("/admin/images/").content.decode(),
        editor_client.get("/admin/images/chooser/").json()["html"],
    ):
        assert escape(own.title) in html
        assert escape(other.title) not in html
    response = editor_client.get(f"/admin/images/{other.pk}/")
    assert response.status_code == 404
    assert escape(other.title) not in response.content.decode()


def test_an_editor_submits_and_only_a_moderator_publishes(
    editor_client, ruffecois_editor, ruffecois_moderator, ruffecois_site, aude_site
):
    action = ActionPage.objects.descendant_of(ruffecois_site.root_page).first()
    assert action.permissions_for_user(ruffecois_editor).can_edit()
    assert not action.permissions_for_user(ruffecois_editor).can_publish()
    assert action.permissions_for_user(ruffecois_moderator).can_publish()
    aude_action = ActionPage.objects.descendant_of(aude_site.root_page).first()
    assert not aude_action.permissions_for_user(ruffecois_moderator).can_edit()

    edit_url = f"/admin/pages/{action.pk}/edit/"
    data = querydict_from_html(
        editor_client.get(edit_url).content.decode(), form_id="page-edit-form"
    )
    data["title"] = "Mobilité solidaire (nouvelle version)"
    data["description-count"] = "0"  # the StreamField widget, normally set by its JS
    data["action-submit"] = "action-submit"
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    action.refresh_from_db()
    assert action.title != "Mobilité solidaire (nouvelle version)"  # not published yet
    state = action.current_workflow_state
    assert state.workflow.name == f"Modération {ruffecois_site.site_name}"
    task = state.current_task_state.task.specific
    assert task.user_can_access_editor(action, ruffecois_moderator)
    assert [group.name for group in task.groups.all()] == [
        f"Modérateurs {ruffecois_site.site_name}"
    ]
    approve_url = f"/admin/pages/workflow/action/{action.pk}/approve/{state.current_task_state.pk}/"
    assert editor_client.post(approve_url).status_code in (302, 403)
    action.refresh_from_db()
    assert action.title != "Mobilité solidaire (nouvelle version)"  # editors cannot approve

    moderator_client = Client()
    moderator_client.force_login(ruffecois_moderator)
    assert moderator_client.post(approve_url).status_code == 302
    action.refresh_from_db()
    assert action.title == "Mobilité solidaire (nouvelle version)"
    assert action.live
