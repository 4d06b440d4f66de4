"""Each figure of the networks' table, on hand-built data (year 2023, computed in 2024)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from extranet.forum.models import Post, Topic
from extranet.meetings.models import Attendance, Meeting
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from reports import networks
from reports.models import MembershipDeparture
from reports.period import Year
from tests.factories.extranet import (
    MeetingFactory,
    MembershipFactory,
    PostFactory,
    RegistrationFactory,
    SpaceFactory,
    TopicFactory,
    make_document,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

Y2023 = Year(2023)
NOW = timezone.make_aware(datetime(2024, 3, 1, 12))


def at(month, day, hour=10, year=2023):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def peps():
    return SpaceFactory(name="Réseau PEP'S", slug="peps")


@pytest.fixture
def esat():
    return SpaceFactory(name="Réseau des ESAT", slug="esat")


def joined(space, when, role=Role.MEMBER):
    return MembershipFactory(space=space, role=role, joined_at=when)


def departed(space, joined_at, left_at, role=Role.MEMBER):
    return MembershipDeparture.objects.create(
        space_id=space.pk, role=role, joined_at=joined_at, left_at=left_at
    )


def meeting(space, start, **fields):
    return MeetingFactory(
        space=space, starts_at=start, ends_at=start + timedelta(hours=3), **fields
    )


# --- members -------------------------------------------------------------------------------


def test_members_at_year_end_are_those_who_joined_by_31_december(peps, esat):
    joined(peps, at(3, 1, year=2019))
    joined(peps, at(12, 31, 23))  # 31 December, 23:00 in Toulouse: still 2023
    joined(peps, at(1, 1, 0, year=2024))  # the first minute of 2024: not yet
    joined(esat, at(6, 1))
    assert networks.members_at_year_end(Y2023, [peps.pk, esat.pk]) == {peps.pk: 2, esat.pk: 1}


def test_animators_are_not_counted_as_members(peps):
    joined(peps, at(1, 5), role=Role.MODERATOR)
    joined(peps, at(1, 5), role=Role.OWNER)
    joined(peps, at(1, 5))
    assert networks.members_at_year_end(Y2023, [peps.pk]) == {peps.pk: 1}


def test_a_member_who_left_after_the_year_still_counts_for_it(peps):
    departed(peps, joined_at=at(2, 1, year=2021), left_at=at(5, 1, year=2024))
    departed(peps, joined_at=at(2, 1, year=2021), left_at=at(11, 30))  # gone before year end
    assert networks.members_at_year_end(Y2023, [peps.pk]) == {peps.pk: 1}


def test_removing_a_member_remembers_the_departure(peps):
    membership = joined(peps, at(4, 1))
    membership.delete()
    departure = MembershipDeparture.objects.get(space_id=peps.pk)
    assert departure.joined_at == at(4, 1)
    assert departure.role == Role.MEMBER


def test_deleting_a_space_with_members_still_works(peps):
    joined(peps, at(4, 1))
    peps.delete()
    assert not Membership.objects.exists()


def test_new_members_joined_during_the_year_even_if_gone_since(peps):
    joined(peps, at(12, 31, year=2022))
    joined(peps, at(1, 1, 0))
    joined(peps, at(9, 15))
    departed(peps, joined_at=at(3, 1), left_at=at(1, 10, year=2024))
    assert networks.new_members(Y2023, [peps.pk]) == {peps.pk: 3}


# --- meetings and participations -----------------------------------------------------------


def test_meetings_held_started_in_the_year_and_are_over(peps):
    meeting(peps, at(3, 14))
    meeting(peps, at(12, 31, 20))
    meeting(peps, at(1, 10, year=2024))
    assert networks.meetings_held(Y2023, [peps.pk], now=NOW) == {peps.pk: 2}
    in_progress = timezone.make_aware(datetime(2023, 3, 14, 11))
    assert networks.meetings_held(Y2023, [peps.pk], now=in_progress) == {}


def test_participations_add_up_recorded_attendance_counts_and_sign_ups(peps, esat):
    recorded = meeting(peps, at(3, 14))
    for _ in range(3):
        Attendance.objects.create(meeting=recorded, user=UserFactory())
    RegistrationFactory(meeting=recorded)  # signed up, did not come: not counted
    Meeting.objects.filter(pk=recorded.pk).update(attendance_recorded_at=at(3, 15))
    elsewhere = meeting(peps, at(6, 2))
    Meeting.objects.filter(pk=elsewhere.pk).update(
        attendance_recorded_at=at(6, 3), participation_count=17
    )
    not_recorded = meeting(esat, at(10, 5))
    for _ in range(4):
        RegistrationFactory(meeting=not_recorded)
    assert networks.participations(Y2023, [peps.pk, esat.pk], now=NOW) == {
        peps.pk: 20,
        esat.pk: 4,
    }


def test_participations_of_meetings_not_held_do_not_count(peps):
    upcoming = meeting(peps, at(1, 20, year=2024))
    RegistrationFactory(meeting=upcoming)
    assert networks.participations(Y2023, [peps.pk], now=NOW) == {}


def test_meetings_without_attendance_are_the_estimates(peps):
    recorded = meeting(peps, at(3, 14))
    Meeting.objects.filter(pk=recorded.pk).update(attendance_recorded_at=at(3, 15))
    meeting(peps, at(5, 14))
    meeting(peps, at(6, 14))
    assert networks.meetings_without_attendance(Y2023, [peps.pk], now=NOW) == {peps.pk: 2}


# --- forum and documents -------------------------------------------------------------------


def test_topics_opened_during_the_year_and_still_visible(peps):
    TopicFactory(space=peps, created_at=at(2, 1), post_count=3)
    TopicFactory(space=peps, created_at=at(2, 1), post_count=0)  # every post hidden
    TopicFactory(space=peps, created_at=at(12, 20, year=2022), post_count=5)
    assert networks.topics_opened(Y2023, [peps.pk]) == {peps.pk: 1}


def test_posts_published_during_the_year_and_still_visible(peps, esat):
    topic = TopicFactory(space=peps, created_at=at(12, 20, year=2022))
    PostFactory(topic=topic, created_at=at(12, 20, year=2022))
    PostFactory(topic=topic, created_at=at(1, 3))
    PostFactory(topic=topic, created_at=at(2, 3), is_hidden=True)
    PostFactory(topic=topic, created_at=at(2, 4), deleted_at=at(2, 5))
    PostFactory(topic=TopicFactory(space=esat), created_at=at(7, 7))
    PostFactory(topic=TopicFactory(space=esat), created_at=at(7, 8))
    assert networks.posts_published(Y2023, [peps.pk, esat.pk]) == {peps.pk: 1, esat.pk: 2}
    assert Post.objects.count() == 6 and Topic.objects.count() == 3


def test_documents_shared_during_the_year(peps):
    from extranet.documents.models import Document

    kept = make_document(peps)
    older = make_document(peps, name="Programme 2022.pdf")
    Document.objects.filter(pk=kept.pk).update(created_at=at(5, 5))
    Document.objects.filter(pk=older.pk).update(created_at=at(5, 5, year=2022))
    assert networks.documents_shared(Y2023, [peps.pk]) == {peps.pk: 1}


def test_only_the_spaces_asked_for_are_counted(peps, esat):
    joined(peps, at(1, 5))
    joined(esat, at(1, 5))
    assert networks.members_at_year_end(Y2023, [esat.pk]) == {esat.pk: 1}
