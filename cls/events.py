"""Events in machine-readable forms: iCalendar files and schema.org JSON-LD."""

import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import mark_safe
from icalendar import Calendar, Event

from home.models.example import marked_title

# Characters that could close the <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def local_time(value):
    """Datetimes are stored in UTC; calendars and search engines get the local time
    with its zone (Europe/Paris: +01:00 in winter, +02:00 in summer)."""
    return value.astimezone(ZoneInfo(settings.TIME_ZONE)) if value else None


def location_text(event):
    return ", ".join(part for part in (event.place, event.commune and event.commune.name) if part)


def to_ical(events, calendar_name, host):
    """An iCalendar file (bytes) with one VEVENT per event and the VTIMEZONE it uses.

    Each event needs a `full_url` attribute (its page's absolute URL). The UID is made
    of the event's id and the site's host, so a calendar that subscribed to the agenda
    updates the event instead of duplicating it.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Site CLS//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    for event in events:
        entry = Event()
        entry.add("uid", f"rendez-vous-{event.pk}@{host}")
        # When the information last changed: the action page's publication.
        entry.add("dtstamp", event.page.last_published_at or timezone.now())
        entry.add("dtstart", local_time(event.start))
        if event.end:
            entry.add("dtend", local_time(event.end))
        entry.add("summary", marked_title(event.title, event.page))
        if location := location_text(event):
            entry.add("location", location)
        if event.description:
            entry.add("description", event.description)
        entry.add("url", event.full_url)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def json_ld(event):
    """schema.org Event data for an event page, safe to put in a <script> element.

    The CSP forbids inline scripts; browsers do not execute application/ld+json, so
    the policy does not apply to it.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": local_time(event.start).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "url": event.full_url,
    }
    if event.end:
        data["endDate"] = local_time(event.end).isoformat()
    if event.description:
        data["description"] = event.description
    if event.place or event.commune:
        place = {"@type": "Place", "name": location_text(event)}
        if event.commune:
            address = {"@type": "PostalAddress", "addressLocality": event.commune.name}
            if event.commune.postcodes:
                address["postalCode"] = event.commune.postcodes.split()[0]
            place["address"] = {**address, "addressCountry": "FR"}
        data["location"] = place
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": event.audience}
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
