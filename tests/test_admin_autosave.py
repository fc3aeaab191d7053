"""Wagtail's autosave never makes « Publier » fail (home/admin_autosave.py)."""

import pytest

from cls.models import ActionPage, AxisPage

from .admin_forms import page_form

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's autosave script sends


@pytest.fixture
def axis():
    return AxisPage.objects.get(title="Besoins spécifiques des séniors")


def test_a_new_page_is_published_even_when_an_autosave_went_first(admin_client, axis):
    add_url = f"/admin/pages/add/cls/actionpage/{axis.pk}/"
    form_page, data = page_form(
        admin_client, add_url, ActionPage, title="Marche nordique", slug="marche-nordique"
    )
    assert "w-autosave#save" not in form_page.content.decode()  # no autosave on a new page

    # An autosave still sent by an editor opened earlier creates nothing…
    autosave = admin_client.post(add_url, data, **AUTOSAVE)
    assert autosave.json()["success"] is False
    assert not ActionPage.objects.filter(slug="marche-nordique").exists()

    # …so « Publier », posted to the same creation view, publishes the page.
    data["action-publish"] = "action-publish"
    published = admin_client.post(add_url, data)
    assert published.status_code == 302, published.content.decode()[:3000]
    action = ActionPage.objects.child_of(axis).get(slug="marche-nordique")
    assert action.live


def test_publishing_a_saved_page_right_after_its_autosave_publishes_what_was_typed(
    admin_client, axis
):
    add_url = f"/admin/pages/add/cls/actionpage/{axis.pk}/"
    _, data = page_form(
        admin_client, add_url, ActionPage, title="Marche douce", slug="marche-douce"
    )
    assert admin_client.post(add_url, data).status_code == 302  # « Enregistrer » once
    action = ActionPage.objects.get(slug="marche-douce")

    edit_url = f"/admin/pages/{action.pk}/edit/"
    form_page, data = page_form(
        admin_client, edit_url, ActionPage, summary="Une marche par semaine."
    )
    assert "w-autosave#save" in form_page.content.decode()  # autosave runs on saved pages
    autosave = admin_client.post(edit_url, data, **AUTOSAVE)
    assert autosave.json()["success"] is True

    # « Publier » posted before the autosave's answer reached the browser.
    data["action-publish"] = "action-publish"
    published = admin_client.post(edit_url, data)
    assert published.status_code == 302, published.content.decode()[:3000]
    action.refresh_from_db()
    assert action.live
    assert action.summary == "Une marche par semaine."
