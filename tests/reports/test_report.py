"""The assembled report: rows, totals, the year before, and a cost that does not grow with the
number of networks."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from extranet.meetings.models import Meeting
from extranet.spaces.roles import Role
from reports.report import NO_FIELD_NAME, build_report, evolution
from tests.factories.cms import make_network, make_news, make_site_tree, make_theme
from tests.factories.extranet import (
    MeetingFactory,
    MembershipFactory,
    PostFactory,
    RegistrationFactory,
    SpaceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2024, 2, 1, 12))


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 10))


def active_network(number, *, year=2023, members=3, meetings=2):
    """A space with members, meetings with participations, a topic and a post in ``year``."""
    network = make_network(f"Réseau n°{number}", short_name=f"R{number}")
    space = SpaceFactory(name=f"Espace du réseau {number:02d}", network=network)
    for _ in range(members):
        MembershipFactory(space=space, joined_at=at(year, 3, 1))
    MembershipFactory(space=space, role=Role.MODERATOR, joined_at=at(year, 3, 1))
    for index in range(meetings):
        start = at(year, 4 + index, 10)
        meeting = MeetingFactory(space=space, starts_at=start, ends_at=start + timedelta(hours=2))
        Meeting.objects.filter(pk=meeting.pk).update(
            attendance_recorded_at=start, participation_count=5 + index
        )
        RegistrationFactory(meeting=meeting)
    topic = TopicFactory(space=space, created_at=at(year, 5, 5), post_count=1)
    PostFactory(topic=topic, created_at=at(year, 5, 5))
    return space


def test_a_row_per_active_space_with_its_network_and_totals():
    first, second = active_network(1), active_network(2, members=5, meetings=1)
    SpaceFactory(name="Espace sans activité")
    report = build_report(2023, now=NOW)
    rows = {row.name: row for row in report.current.networks}
    assert set(rows) == {first.name, second.name}
    assert rows[first.name].detail == "Réseau n°1"
    assert rows[first.name].figures["members"] == 3
    assert rows[first.name].figures["participations"] == 11
    assert rows[second.name].figures["participations"] == 5
    totals = report.current.network_totals
    assert totals["members"] == 8
    assert totals["meetings"] == 3
    assert totals["participations"] == 16
    assert totals["posts"] == 2


def test_the_year_before_is_computed_for_comparison():
    space = active_network(1, year=2022, meetings=1)
    report = build_report(2023, now=NOW)
    assert report.previous.year == 2022
    (row, previous), *_ = report.network_rows()
    assert row.name == space.name
    assert previous.figures["meetings"] == 1
    # Still a member at the end of 2023, no meeting in 2023.
    assert row.figures["members"] == 3 and row.figures["meetings"] == 0


def test_without_comparison_no_previous_year():
    assert build_report(2023, compare=False, now=NOW).previous is None


def test_the_fields_table_lists_every_field_then_pages_without_one():
    tree = make_site_tree()
    education = make_theme("Éducation", slug="education", sort_order=2)
    security = make_theme("Sécurité", slug="securite", sort_order=1)
    make_news(tree.news_index, date=date(2023, 3, 3), themes=[education])
    make_news(tree.news_index, date=date(2023, 3, 4))
    report = build_report(2023, compare=False, now=NOW)
    names = [row.name for row in report.current.fields]
    assert names == [security.name, education.name, NO_FIELD_NAME]
    assert [row.get("news") for row in report.current.fields] == [0, 1, 1]
    assert report.current.field_totals["news"] == 2


@pytest.mark.parametrize(
    "current, previous, expected",
    [(12, 10, "+20 %"), (9, 10, "−10 %"), (10, 10, "="), (3, 0, "nouveau"), (0, 0, "=")],
)
def test_evolution_is_written_as_the_report_does(current, previous, expected):
    assert evolution(current, previous) == expected


def test_two_and_six_networks_cost_the_same_queries():
    for number in range(2):
        active_network(number)
    with CaptureQueriesContext(connection) as two:
        build_report(2023, now=NOW)
    for number in range(2, 6):
        active_network(number)
    with CaptureQueriesContext(connection) as six:
        report = build_report(2023, now=NOW)
    assert len(report.current.networks) == 6
    assert len(six) == len(two), [query["sql"] for query in six.captured_queries]
