"""iCalendar views of the agenda: the whole agenda for subscription, or one event to add.

Which events: those of ``cms.feeds.selection`` (live, public, unexpired, in the requested
site, optional ``theme``/``territory``). The agenda lists upcoming events and those that
ended in the last ``RECENT_DAYS`` days (a subscriber still sees last week's meeting), soonest
first, at most ``AGENDA_SIZE``.
"""

import datetime

from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from cms.pages import EventIndexPage, EventPage

from .agenda import agenda_calendar
from .selection import feed_scope

RECENT_DAYS = 90
AGENDA_SIZE = 500
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(calendar, *, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        # One event: a file to open with the calendar application.
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _events(scope):
    return scope.pages(EventPage).select_related("network").prefetch_related("themes")


def _calendar_name(scope, heading):
    site_name = scope.site.site_name or "Ressources & Territoires"
    return " – ".join(part for part in (heading, scope.filter_label, site_name) if part)


@require_safe
def agenda_ics(request):
    """``/flux/agenda.ics``: upcoming and recent events, for calendar subscriptions."""
    scope = feed_scope(request)
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    events = (
        _events(scope)
        .annotate(agenda_end=Coalesce(F("end"), F("start")))
        .filter(agenda_end__gte=since)
        .order_by("start", "pk")[:AGENDA_SIZE]
    )
    calendar = agenda_calendar(
        events,
        name=_calendar_name(scope, "Agenda"),
        url=scope.index_url(EventIndexPage),
        hostname=scope.site.hostname,
        url_for=scope.page_url,
    )
    return _calendar_response(calendar)


@require_safe
def event_ics(request, page_id):
    """``/flux/agenda/<id>.ics``: one event. Drafts, private, expired events and events of
    another site are a 404, like their pages."""
    scope = feed_scope(request)
    event = _events(scope).filter(pk=page_id).first()
    if event is None:
        raise Http404("Évènement introuvable.")
    url = scope.page_url(event)
    calendar = agenda_calendar(
        [event],
        name=_calendar_name(scope, event.title),
        url=url,
        hostname=scope.site.hostname,
        url_for=lambda _event: url,
    )
    return _calendar_response(calendar, filename=f"evenement-{event.pk}.ics")
