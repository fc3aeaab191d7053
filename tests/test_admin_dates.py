"""Admin dates are typed the French way, JJ/MM/AAAA; a wrong date is an error, never today."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from cls.models import ActionEvent, ActionPage, AxisPage

from .admin_forms import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    axis = AxisPage.objects.get(title="Besoins spécifiques des séniors")
    action = ActionPage(title="Marche bleue", start_date=datetime.date(2022, 1, 10))
    action.events = [ActionEvent(title="Départ", start=timezone.now())]
    axis.add_child(instance=action)
    return action


def edit(client, page, **fields):
    """Publish the page from its admin edit form, with `fields` typed in."""
    url = f"/admin/pages/{page.pk}/edit/"
    _, data = page_form(client, url, ActionPage, **fields, **{"action-publish": "publish"})
    return client.post(url, data)


def test_a_date_typed_the_french_way_is_saved(admin_client, action):
    response = edit(admin_client, action, start_date="04/07/2023", end_date="2023-12-31")
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.start_date == datetime.date(2023, 7, 4)
    assert action.end_date == datetime.date(2023, 12, 31)  # ISO is still accepted


def test_a_wrong_date_is_a_french_error_and_nothing_is_saved(admin_client, action):
    before = action.start_date
    response = edit(admin_client, action, start_date="31/02/2023")
    assert response.status_code == 200
    assert "Saisissez une date valide." in response.content.decode()
    action.refresh_from_db()
    assert action.start_date == before != timezone.localdate()


def test_the_english_admin_reads_dates_day_first_too(admin_client, admin_user, action):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    response = edit(admin_client, action, start_date="04/07/2023")
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.start_date == datetime.date(2023, 7, 4)


def test_an_event_time_is_typed_the_french_way(admin_client, action):
    response = edit(admin_client, action, **{"events-0-start": "04/07/2023 14:30"})
    assert response.status_code == 302
    start = action.events.first().start
    assert timezone.localtime(start).replace(tzinfo=None) == datetime.datetime(2023, 7, 4, 14, 30)


def test_the_date_fields_show_the_format_and_leave_the_typed_text_alone(admin_client, action):
    html = admin_client.get(f"/admin/pages/{action.pk}/edit/").content.decode()
    start = re.search(r'<input[^>]*name="start_date"[^>]*>', html).group()
    assert 'placeholder="JJ/MM/AAAA"' in start
    assert "Au format JJ/MM/AAAA, par exemple 04/07/2023." in html
    picker = json.loads(re.search(r'initDateChooser\("id_start_date", (\{.*?\})\)', html).group(1))
    assert picker["format"] == "d/m/Y"
    assert picker["validateOnBlur"] is False  # the picker used to put today's date instead
    assert 'placeholder="JJ/MM/AAAA HH:MM"' in html  # the events' times
