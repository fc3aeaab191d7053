"""Staff build the site in the French admin without reading code."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import querydict_from_html

from cls.models import ActionPage, AxisPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_superuser("redaction", "redaction@example.org", "x")
    client.force_login(editor)
    return client


def test_admin_speaks_french(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_an_editor_adds_an_action_under_an_axis(editor_client):
    axis = AxisPage.objects.get(title="Besoins spécifiques des séniors")
    add_url = f"/admin/pages/add/cls/actionpage/{axis.pk}/"
    form_page = editor_client.get(add_url)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Fiche action" in html or "fiche action" in html
    assert "Numéro de la fiche, par exemple « 2.3 »" in html  # French help text

    data = querydict_from_html(html, form_id="page-edit-form")
    data["title"] = "Ateliers mémoire"
    data["slug"] = "ateliers-memoire"
    data["code"] = "3.2"
    data["status"] = "a-venir"
    data["summary"] = "Des ateliers pour entretenir sa mémoire, dans les foyers ruraux."
    data["description-count"] = "0"  # the StreamField widget, normally set by its JS
    data["action-publish"] = "action-publish"
    response = editor_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    action = ActionPage.objects.child_of(axis).get(slug="ateliers-memoire")
    assert action.live
    assert action.code == "3.2"
    visitor_html = editor_client.get(axis.url, HTTP_HOST="localhost").content.decode()
    assert "Ateliers mémoire" in visitor_html


def test_an_action_cannot_be_added_directly_under_a_contract(editor_client):
    contract = AxisPage.objects.get(title="Besoins spécifiques des séniors").get_parent()
    response = editor_client.get(f"/admin/pages/add/cls/actionpage/{contract.pk}/")
    assert response.status_code == 302  # refused: Wagtail sends the editor back to the dashboard
    assert response.url == "/admin/"


def test_the_page_type_choice_under_an_axis_offers_only_the_action_sheet(editor_client):
    axis = AxisPage.objects.get(title="Besoins spécifiques des séniors")
    response = editor_client.get(f"/admin/pages/{axis.pk}/add_subpage/")
    # With a single allowed type, Wagtail goes straight to the action sheet form.
    assert response.status_code == 302
    assert response.url == f"/admin/pages/add/cls/actionpage/{axis.pk}/"
