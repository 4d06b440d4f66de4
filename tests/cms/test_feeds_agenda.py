"""iCalendar of the agenda (``/flux/agenda.ics``) and of one event (``/flux/agenda/<id>.ics``):
which events, RFC 5545 form (escaping, folding, CRLF), time zones, stable UIDs."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.feeds.views import RECENT_DAYS
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response


def _calendar(response):
    return icalendar.Calendar.from_ical(response.content)


def _agenda(client, **params):
    return _calendar(_get(client, reverse("feeds:agenda_ics"), **params))


def _event_ics(client, event):
    return _get(client, reverse("feeds:event_ics", args=[event.pk]))


def _summaries(calendar):
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def _in_days(days, hour=18):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


# --- which events ----------------------------------------------------------------------------


def test_agenda_lists_upcoming_and_recent_events_soonest_first(client, tree):
    factories.make_event(tree.event_index, title="Dans un mois", start=_in_days(30))
    factories.make_event(tree.event_index, title="Demain", start=_in_days(1))
    factories.make_event(tree.event_index, title="La semaine dernière", start=_in_days(-7))
    factories.make_event(
        tree.event_index, title="Il y a longtemps", start=_in_days(-(RECENT_DAYS + 10))
    )

    assert _summaries(_agenda(client)) == ["La semaine dernière", "Demain", "Dans un mois"]


def test_agenda_leaves_out_draft_private_and_expired_events(client, tree):
    factories.make_event(tree.event_index, title="Publié")
    factories.make_event(tree.event_index, title="Brouillon", publish=False)
    private = factories.make_event(tree.event_index, title="Privé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    factories.make_event(
        tree.event_index,
        title="Expiré",
        expire_at=timezone.now() - datetime.timedelta(minutes=5),
    )

    assert _summaries(_agenda(client)) == ["Publié"]


def test_agenda_theme_filter_and_unknown_theme(client, tree, education):
    factories.make_event(tree.event_index, title="Éducation", themes=[education])
    factories.make_event(tree.event_index, title="Autre")

    assert _summaries(_agenda(client, theme="education")) == ["Éducation"]
    assert client.get(reverse("feeds:agenda_ics"), {"theme": "inconnue"}).status_code == 404
    assert client.get(reverse("feeds:agenda_ics"), {"territory": "inconnu"}).status_code == 404


def test_event_ics_of_a_draft_private_or_non_event_page_is_404(client, tree):
    draft = factories.make_event(tree.event_index, publish=False)
    private = factories.make_event(tree.event_index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    news = factories.make_news(tree.news_index)

    for page_id in (draft.pk, private.pk, news.pk, 999_999):
        response = client.get(reverse("feeds:event_ics", args=[page_id]))
        assert response.status_code == 404, page_id


def test_past_event_keeps_its_own_ics(client, tree):
    event = factories.make_event(tree.event_index, title="Conf'At n°24", start=_in_days(-400))

    assert _summaries(_calendar(_event_ics(client, event))) == ["Conf'At n°24"]


# --- HTTP and RFC 5545 form ------------------------------------------------------------------


def test_calendars_are_served_as_utf8_text_calendar(client, tree):
    event = factories.make_event(tree.event_index)

    agenda = client.get(reverse("feeds:agenda_ics"))
    single = _event_ics(client, event)

    assert agenda["Content-Type"] == "text/calendar; charset=utf-8"
    assert single["Content-Type"] == "text/calendar; charset=utf-8"
    assert single["Content-Disposition"] == f'attachment; filename="evenement-{event.pk}.ics"'


def test_calendar_has_the_required_properties_and_crlf_lines(client, tree):
    factories.make_event(tree.event_index, title="Rencontre")

    raw = _get(client, reverse("feeds:agenda_ics")).content
    calendar = icalendar.Calendar.from_ical(raw)

    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert str(calendar["VERSION"]) == "2.0"
    assert "Ressources & Territoires" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Agenda – Ressources & Territoires"
    (event,) = calendar.walk("VEVENT")
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        assert required in event


def test_commas_semicolons_and_newlines_are_escaped(client, tree):
    event = factories.make_event(
        tree.event_index,
        title="Laïcité, valeurs; République",
        intro="Première ligne.\nDeuxième ligne, avec virgule; et point-virgule.",
        place="Salle 3, Hôtel de Région; Toulouse",
    )

    raw = _event_ics(client, event).content.decode()
    unfolded = raw.replace("\r\n ", "")
    parsed = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    assert "SUMMARY:Laïcité\\, valeurs\\; République\r\n" in unfolded
    assert "LOCATION:Salle 3\\, Hôtel de Région\\; Toulouse\r\n" in unfolded
    assert "Première ligne.\\nDeuxième ligne\\, avec virgule\\; et point-virgule." in unfolded
    assert str(parsed["SUMMARY"]) == "Laïcité, valeurs; République"
    assert str(parsed["DESCRIPTION"]).startswith("Première ligne.\nDeuxième ligne, avec")


def test_lines_longer_than_75_octets_are_folded(client, tree):
    title = "Rencontre régionale des acteur·rice·s de la cohésion sociale " * 4
    event = factories.make_event(tree.event_index, title=title.strip())

    raw = _event_ics(client, event).content

    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # continuation lines exist
    for line in lines:
        line.decode("utf-8")  # never cut inside a multi-byte character
    assert str(_calendar(_event_ics(client, event)).walk("VEVENT")[0]["SUMMARY"]) == title.strip()


# --- times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(datetime.date(2031, 6, 12), 16), (datetime.date(2031, 12, 11), 17)],
    ids=["summer-time", "winter-time"],
)
def test_event_at_18h_paris_time_is_written_in_utc(client, tree, day, utc_hour):
    start = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=PARIS)
    event = factories.make_event(
        tree.event_index, start=start, end=start + datetime.timedelta(hours=2)
    )

    response = _event_ics(client, event)
    parsed = _calendar(response).walk("VEVENT")[0]

    compact = day.strftime("%Y%m%d")
    assert f"DTSTART:{compact}T{utc_hour}0000Z" in response.content.decode()
    assert f"DTEND:{compact}T{utc_hour + 2}0000Z" in response.content.decode()
    assert parsed["DTSTART"].dt == start
    assert parsed["DTSTART"].dt.astimezone(PARIS).hour == 18


def test_event_without_end_has_no_dtend(client, tree):
    event = factories.make_event(tree.event_index, end=None)

    parsed = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    assert "DTEND" not in parsed


# --- identity and content --------------------------------------------------------------------


def test_uid_is_the_page_id_at_the_site_host_and_survives_edits(client, tree):
    event = factories.make_event(tree.event_index, title="Avant")
    before = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    event.title = "Après"
    event.slug = "apres"
    event.save_revision().publish()
    after = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    assert str(before["UID"]) == f"event-{event.pk}@localhost"
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["SUMMARY"]) == "Après"


def test_event_carries_place_url_description_and_themes(client, tree, education):
    network = factories.make_network("Réseau Valeurs de la République et laïcité", short_name="VRL")
    event = factories.make_event(
        tree.event_index,
        title="Formation VRL",
        intro="Deux jours de formation.",
        place="Montpellier",
        registration_url="https://example.org/inscription",
        network=network,
        themes=[education],
    )

    parsed = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    page_url = f"http://localhost/agenda/{event.slug}/"
    assert str(parsed["LOCATION"]) == "Montpellier"
    assert str(parsed["URL"]) == page_url
    description = str(parsed["DESCRIPTION"])
    assert description.startswith("Deux jours de formation.")
    assert "Inscription : https://example.org/inscription" in description
    assert "Réseau : VRL – Réseau Valeurs de la République et laïcité" in description
    assert f"En savoir plus : {page_url}" in description
    assert parsed["CATEGORIES"].cats == ["Éducation"]


def test_online_event_says_so_and_gives_the_connection_link(client, tree):
    event = factories.make_event(
        tree.event_index,
        place="",
        is_online=True,
        online_url="https://visio.example.org/salle",
    )

    raw = _event_ics(client, event).content.decode().replace("\r\n ", "")
    parsed = _calendar(_event_ics(client, event)).walk("VEVENT")[0]

    assert str(parsed["LOCATION"]) == "En ligne"
    assert "CONFERENCE;FEATURE=VIDEO;VALUE=URI:https://visio.example.org/salle" in raw
    assert "Lien de connexion : https://visio.example.org/salle" in str(parsed["DESCRIPTION"])


def test_past_event_no_longer_gives_connection_or_registration_links(client, tree):
    event = factories.make_event(
        tree.event_index,
        start=_in_days(-3),
        place="",
        is_online=True,
        online_url="https://visio.example.org/salle",
        registration_url="https://example.org/inscription",
    )

    raw = _event_ics(client, event).content.decode().replace("\r\n ", "")

    assert "visio.example.org" not in raw
    assert "example.org/inscription" not in raw


def test_event_page_offers_its_ics_and_event_index_announces_the_agenda(client, tree):
    event = factories.make_event(tree.event_index)

    event_html = client.get(event.url).content.decode()
    index_html = client.get(tree.event_index.url).content.decode()

    assert f'href="/flux/agenda/{event.pk}.ics"' in event_html
    assert '<link rel="alternate" type="text/calendar"' in index_html
    assert 'href="/flux/agenda.ics"' in index_html
