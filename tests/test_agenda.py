"""The agenda: upcoming events first, past ones archived, exported as iCalendar and feeds."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from cls.models import ActionEvent, ActionPage, AgendaPage, AxisPage, Commune
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC
ATOM = "{http://www.w3.org/2005/Atom}"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture
def agenda(aude_site):
    return AgendaPage.objects.descendant_of(aude_site.root_page).get()


@pytest.fixture
def action(aude_site):
    """A real action sheet: the demo's are examples, which feeds and calendars label so."""
    action = ActionPage.objects.descendant_of(aude_site.root_page).get(code="2.2")
    action.example_note = ""
    action.save_revision().publish()
    return action


def add_event(action, title, start, **fields):
    return ActionEvent.objects.create(page=action, title=title, start=start, **fields)


def xml_of(response):
    return ET.fromstring(response.content)  # noqa: S314 - the site's own feed, in a test


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_visitor_sees_upcoming_events_soonest_first_and_past_ones_in_the_archives(
    aude_client, agenda, action
):
    now = timezone.now()
    add_event(action, "Atelier d'hier", now - datetime.timedelta(days=1))
    add_event(
        action,
        "Forum en cours",
        now - datetime.timedelta(hours=2),
        end=now + datetime.timedelta(hours=2),
    )
    add_event(action, "Réunion dans cinq jours", now + datetime.timedelta(days=5))
    add_event(action, "Réunion dans deux jours", now + datetime.timedelta(days=2))

    html = fetch(aude_client, "/agenda/").content.decode()
    positions = [
        html.index(title)
        for title in ("Forum en cours", "Réunion dans deux jours", "Réunion dans cinq jours")
    ]
    assert positions == sorted(positions)
    assert "Atelier d’hier" not in html
    assert 'href="/agenda/archives/"' in html

    archives = fetch(aude_client, "/agenda/archives/").content.decode()
    assert "Atelier d’hier" in archives
    assert "Forum en cours" not in archives
    # The demo's 2026 editions are over: newest first.
    listed = archives[archives.index("<main") :]  # the head's description names events too
    assert listed.index("Journée de dépistage du diabète") < listed.index("Semaine bleue")


def test_an_event_shows_its_date_in_french_place_commune_audience_and_action(
    aude_client, agenda, action
):
    esperaza = Commune.objects.get(name="Espéraza")
    event = add_event(
        action,
        "Dépistage à la maison de santé",
        datetime.datetime(2099, 7, 15, 14, tzinfo=PARIS),
        end=datetime.datetime(2099, 7, 15, 17, 30, tzinfo=PARIS),
        place="Maison de santé",
        commune=esperaza,
        audience="Adultes de plus de 45 ans",
        registration_url="https://example.org/inscription",
    )
    for html in (
        fetch(aude_client, "/agenda/").content.decode(),
        fetch(aude_client, f"/agenda/{event.pk}/").content.decode(),
    ):
        assert "15 juillet 2099 à 14\u00a0h" in html
        assert "17\u00a0h\u00a030" in html
        assert "Maison de santé" in html and "Espéraza" in html
        assert "Adultes de plus de 45 ans" in html
        assert 'href="/cls-2/axe-2/depistages-diabete/"' in html
        assert 'href="https://example.org/inscription"' in html


def test_the_event_page_carries_schema_org_event_data_with_the_paris_offset(
    aude_client, agenda, action
):
    summer = add_event(
        action,
        "Atelier </script><script>alert(1)</script>",
        datetime.datetime(2099, 7, 15, 14, tzinfo=PARIS),
        commune=Commune.objects.get(name="Limoux"),
        place="Salle des fêtes",
    )
    winter = add_event(action, "Atelier d'hiver", datetime.datetime(2099, 1, 14, 14, tzinfo=PARIS))

    html = fetch(aude_client, f"/agenda/{summer.pk}/").content.decode()
    (data,) = [json.loads(block) for block in JSON_LD.findall(html)]
    assert data["@type"] == "Event"
    assert data["name"] == "Atelier </script><script>alert(1)</script>"
    assert data["startDate"] == "2099-07-15T14:00:00+02:00"
    assert data["location"]["address"]["addressLocality"] == "Limoux"
    assert data["url"] == f"http://localhost/agenda/{summer.pk}/"
    assert "<script>alert(1)" not in html  # escaped in the JSON and in the page

    html = fetch(aude_client, f"/agenda/{winter.pk}/").content.decode()
    (data,) = [json.loads(block) for block in JSON_LD.findall(html)]
    assert data["startDate"] == "2099-01-14T14:00:00+01:00"


def test_the_event_page_has_no_script_the_security_policy_would_block(
    aude_client, agenda, action, settings
):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "config.middleware.SecurityHeadersMiddleware"]
    event = add_event(action, "Atelier", datetime.datetime(2099, 5, 5, 10, tzinfo=PARIS))
    response = fetch(aude_client, f"/agenda/{event.pk}/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # JSON-LD is data, never executed: the only inline <script> the page holds.
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())
    assert scripts == ['<script type="application/ld+json">']


def test_an_event_of_another_site_or_an_unknown_one_is_not_found(
    aude_client, agenda, ruffecois_site
):
    other = ActionEvent.objects.filter(page__path__startswith=ruffecois_site.root_page.path).first()
    assert aude_client.get(f"/agenda/{other.pk}/").status_code == 404
    assert aude_client.get(f"/agenda/{other.pk}/ics/").status_code == 404
    assert aude_client.get("/agenda/999999/").status_code == 404


def test_the_whole_agenda_exports_as_icalendar_in_paris_time(aude_client, agenda, action):
    summer = add_event(
        action,
        "Dépistage d'été",
        datetime.datetime(2099, 7, 15, 14, tzinfo=PARIS),
        place="Salle des fêtes",
        commune=Commune.objects.get(name="Quillan"),
    )
    winter = add_event(
        action, "Dépistage d'hiver", datetime.datetime(2099, 1, 14, 14, tzinfo=PARIS)
    )

    response = fetch(aude_client, "/agenda/ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert {"Dépistage d'été", "Dépistage d'hiver", "Exemple : Semaine bleue 2027"} <= events.keys()

    in_summer, in_winter = events["Dépistage d'été"], events["Dépistage d'hiver"]
    assert in_summer["DTSTART"].params["TZID"] == "Europe/Paris"
    assert in_summer.decoded("DTSTART").astimezone(UTC).hour == 12  # UTC+2 (summer time)
    assert in_winter.decoded("DTSTART").astimezone(UTC).hour == 13  # UTC+1
    assert str(in_summer["UID"]) == f"rendez-vous-{summer.pk}@localhost"
    assert str(in_summer["URL"]) == f"http://localhost/agenda/{summer.pk}/"
    assert str(in_summer["LOCATION"]) == "Salle des fêtes, Quillan"
    assert "DTSTAMP" in in_summer and "DTSTAMP" in in_winter
    assert winter.pk != summer.pk


def test_the_icalendar_uid_stays_the_same_from_one_download_to_the_next(
    aude_client, agenda, action
):
    event = add_event(action, "Dépistage", datetime.datetime(2099, 3, 30, 9, tzinfo=PARIS))
    url = f"/agenda/{event.pk}/ics/"
    first = Calendar.from_ical(fetch(aude_client, url).content)
    action.save_revision().publish()  # an edit of the action page empties the cache
    second = Calendar.from_ical(fetch(aude_client, url).content)
    (first_event,) = first.walk("VEVENT")
    (second_event,) = second.walk("VEVENT")
    assert first_event["UID"] == second_event["UID"]
    # 30 March 2099 is after the switch to summer time (last Sunday of March).
    assert second_event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)


def test_the_agenda_feeds_list_the_upcoming_events(aude_client, agenda, action):
    add_event(action, "Café santé", timezone.now() + datetime.timedelta(days=3))
    add_event(action, "Ancien café santé", timezone.now() - datetime.timedelta(days=3))

    rss = fetch(aude_client, "/agenda/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = xml_of(rss).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[0] == "Café santé"
    assert "Exemple : Semaine bleue 2027" in titles and "Ancien café santé" not in titles
    assert channel.find("item").findtext("link").startswith("http://localhost/agenda/")

    atom = xml_of(fetch(aude_client, "/agenda/atom/"))
    assert atom.tag == f"{ATOM}feed"
    assert [entry.findtext(f"{ATOM}title") for entry in atom.findall(f"{ATOM}entry")] == titles


def test_the_agenda_announces_its_feeds_in_the_page_head(aude_client, agenda):
    head = fetch(aude_client, "/agenda/").content.decode().split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/agenda/rss/"' in head and 'href="/agenda/atom/"' in head


def test_the_home_page_shows_the_next_events(aude_client):
    html = fetch(aude_client, "/").content.decode()
    assert "Prochains rendez-vous" in html
    assert "Parlons santé\u00a0: bien dormir à tout âge" in html
    assert 'href="/agenda/"' in html


def test_the_english_agenda_lists_the_english_actions_events(aude_client):
    html = fetch(aude_client, "/en/agenda/").content.decode()
    assert "<h1>Events</h1>" in html
    # Events are translated with their action sheet.
    assert "Blue Week 2027" in html and ">Blue Week</a>" in html
    event_url = re.search(r'href="(/en/agenda/\d+/)"', html).group(1)
    event_html = fetch(aude_client, event_url).content.decode()
    assert '<html lang="en">' in event_html
    assert 'href="/en/cls-2/' in event_html


def test_a_site_without_upcoming_events_says_so_and_keeps_its_archives(ruffecois_client):
    html = fetch(ruffecois_client, "/agenda/").content.decode()
    assert "Aucun rendez-vous n’est prévu pour le moment" in html
    archives = fetch(ruffecois_client, "/agenda/archives/").content.decode()
    assert "Semaine bleue 2016" in archives and "Atelier cuisine en famille" in archives


def test_the_archives_are_paginated(aude_client, agenda, action):
    start = datetime.datetime(2001, 1, 1, 10, tzinfo=PARIS)
    for number in range(25):
        add_event(action, f"Rencontre n° {number}", start + datetime.timedelta(days=number))
    first = fetch(aude_client, "/agenda/archives/").content.decode()
    assert 'rel="next"' in first
    second = fetch(aude_client, "/agenda/archives/?page=2").content.decode()
    assert "Rencontre n° 0<" in second and "Rencontre n° 0<" not in first


def queries_for(client, url, django_assert_max_num_queries):
    client.get(url)  # warm: site settings, renditions
    with django_assert_max_num_queries(40) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("route", ["", "archives/", "ics/", "rss/", "atom/"])
def test_agenda_queries_do_not_grow_with_the_number_of_events(
    aude_client, agenda, action, page_cache_off, django_assert_max_num_queries, route
):
    url = f"/agenda/{route}"
    axis = AxisPage.objects.get(title="Santé environnement")
    others = [axis.add_child(instance=ActionPage(title=f"Action {n}", code=f"4.{n}")) for n in "12"]

    def add_events(count):
        for number in range(count):
            for when in (-1, 1):
                add_event(
                    others[number % 2],
                    f"Rendez-vous {number}",
                    timezone.now() + datetime.timedelta(days=when * (number + 1)),
                    commune=Commune.objects.get(name="Limoux"),
                )

    add_events(2)
    few = queries_for(aude_client, url, django_assert_max_num_queries)
    add_events(15)
    many = queries_for(aude_client, url, django_assert_max_num_queries)
    assert many == few
    print(f"agenda {route or 'index'}: {few} queries")


def test_an_editor_creates_an_agenda_through_the_admin(client, ruffecois_site):
    home = ruffecois_site.root_page
    AgendaPage.objects.child_of(home).delete()
    client.force_login(get_user_model().objects.create_superuser("agenda", "a@example.org", "x"))
    add_url = f"/admin/pages/add/cls/agendapage/{home.pk}/"
    data = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    data.update({"title": "Rendez-vous santé", "slug": "rendez-vous", "action-publish": "1"})
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    agenda = AgendaPage.objects.child_of(home).get()
    assert agenda.live
    html = client.get("/rendez-vous/archives/", HTTP_HOST="ruffecois.localhost").content.decode()
    assert "Semaine bleue 2016" in html


class AgendaPageTreeTests(WagtailPageTestCase):
    def test_the_agenda_lives_under_a_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(AgendaPage, {HomePage})
        self.assertAllowedSubpageTypes(AgendaPage, set())
        self.assertCanCreateAt(HomePage, AgendaPage)
        self.assertCanNotCreateAt(ContentPage, AgendaPage)
        self.assertCanNotCreateAt(Page, AgendaPage)
