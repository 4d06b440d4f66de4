"""The agenda as iCalendar (RFC 5545): one calendar for many events, or for one.

The ``icalendar`` package does the RFC work (escaping of commas, semicolons and newlines, line
folding at 75 octets, CRLF). This module decides what goes in:

- times in UTC (``…Z``): unambiguous for every client, no VTIMEZONE block to maintain; the
  calendar says ``X-WR-TIMEZONE:Europe/Paris`` so clients may display Paris time;
- ``UID`` ``event-<page id>@<site hostname>``: stable across edits, so a subscribed calendar
  updates an event instead of duplicating it;
- ``DTSTAMP`` and ``LAST-MODIFIED`` are the last publication: the calendar has no ``METHOD``,
  so DTSTAMP is the last revision of the event (RFC 5545 §3.8.7.2), and the same content
  always produces the same bytes;
- ``LOCATION`` is the place, or « En ligne »; the connection link (``CONFERENCE``) and the
  registration link only while the event is not over, as on the event page.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vUri

PRODID = "-//Ressources & Territoires//Agenda du portail//FR"
TIME_ZONE = "Europe/Paris"
# How often subscribed clients should refresh (a hint; clients choose).
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def _utc(value):
    return value.astimezone(datetime.UTC)


def event_uid(event, hostname):
    return f"event-{event.pk}@{hostname}"


def event_description(event, url):
    """Plain text: the intro, then the practical lines a calendar entry needs."""
    lines = []
    if event.listing_summary:
        lines += [event.listing_summary.strip(), ""]
    if event.network_id:
        lines.append(f"Réseau : {event.network}")
    if event.registration_url and not event.is_past:
        lines.append(f"Inscription : {event.registration_url}")
    if event.is_online and event.online_url and not event.is_past:
        lines.append(f"Lien de connexion : {event.online_url}")
    lines.append(f"En savoir plus : {url}")
    return "\n".join(lines)


def event_component(event, *, url, hostname):
    """The VEVENT of ``event``; ``url`` is its absolute page URL."""
    component = Event()
    component.add("uid", event_uid(event, hostname))
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    component.add("dtstamp", _utc(stamp))
    component.add("dtstart", _utc(event.start))
    if event.end:
        component.add("dtend", _utc(event.end))
    component.add("summary", event.title)
    component.add("description", event_description(event, url))
    if event.place:
        location = event.place + (" (et en ligne)" if event.is_online else "")
    else:
        location = "En ligne"
    component.add("location", location)
    component.add("url", url, parameters={"value": "URI"})
    if event.is_online and event.online_url and not event.is_past:
        # RFC 7986: where to join; clients that know it show a "join" button.
        component.add(
            "conference", vUri(event.online_url), parameters={"value": "URI", "feature": "VIDEO"}
        )
    themes = [theme.name for theme in event.themes.all()]
    if themes:
        component.add("categories", themes)
    if event.first_published_at:
        component.add("created", _utc(event.first_published_at))
    if event.last_published_at:
        component.add("last-modified", _utc(event.last_published_at))
    component.add("status", "CONFIRMED")
    return component


def agenda_calendar(events, *, name, url, hostname, url_for):
    """A VCALENDAR of ``events``; ``url_for(event)`` gives an event's absolute URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Calendar name: RFC 7986 NAME, and the X-WR-CALNAME most clients still read.
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add("url", url, parameters={"value": "URI"})
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        calendar.add_component(event_component(event, url=url_for(event), hostname=hostname))
    return calendar
