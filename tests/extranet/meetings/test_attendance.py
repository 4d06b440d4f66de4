"""Attendance: after a meeting, a moderator records who came, or how many for a meeting held
elsewhere; ``with_participations`` turns the record into the activity report's figure."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from extranet.meetings.models import Attendance, Meeting
from extranet.meetings.services import (
    attendance_candidates,
    attendance_initial,
    attendees,
    record_attendance,
)
from extranet.spaces.models import Membership
from tests.factories.extranet import MeetingFactory, RegistrationFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_meeting(space):
    start = timezone.now() - timedelta(days=3)
    return MeetingFactory(space=space, starts_at=start, ends_at=start + timedelta(hours=3))


def participations(meeting):
    return Meeting.objects.with_participations().get(pk=meeting.pk).participations


def test_the_form_starts_from_the_sign_ups(past_meeting):
    signed = [RegistrationFactory(meeting=past_meeting).user for _ in range(3)]
    assert sorted(attendance_initial(past_meeting)) == sorted(user.pk for user in signed)


def test_once_recorded_the_form_starts_from_who_came(past_meeting, space, moderator):
    signed = [RegistrationFactory(meeting=past_meeting).user for _ in range(3)]
    record_attendance(past_meeting, moderator, attendees=signed[:2])
    past_meeting.refresh_from_db()
    assert sorted(attendance_initial(past_meeting)) == sorted(user.pk for user in signed[:2])


def test_moderator_records_who_came(past_meeting, space, moderator, member):
    absent = RegistrationFactory(meeting=past_meeting).user
    came_without_signing_up = make_member(space)
    record_attendance(past_meeting, moderator, attendees=[member, came_without_signing_up])
    past_meeting.refresh_from_db()
    assert past_meeting.attendance_is_recorded
    assert past_meeting.attendance_recorded_by == moderator
    assert set(attendees(past_meeting)) == {member, came_without_signing_up}
    assert absent not in attendees(past_meeting)


def test_recorded_attendees_are_the_participations(past_meeting, moderator, member):
    for _ in range(4):
        RegistrationFactory(meeting=past_meeting)
    record_attendance(past_meeting, moderator, attendees=[member])
    assert participations(past_meeting) == 1


def test_before_attendance_is_recorded_the_sign_ups_stand_in(past_meeting):
    for _ in range(4):
        RegistrationFactory(meeting=past_meeting)
    assert participations(past_meeting) == 4


def test_a_meeting_held_elsewhere_records_a_participation_count(past_meeting, moderator):
    RegistrationFactory(meeting=past_meeting)
    record_attendance(past_meeting, moderator, count=23)
    past_meeting.refresh_from_db()
    assert past_meeting.participation_count == 23
    assert participations(past_meeting) == 23


def test_recording_again_replaces_the_previous_record(past_meeting, moderator, member):
    record_attendance(past_meeting, moderator, count=12)
    record_attendance(past_meeting, moderator, attendees=[member])
    past_meeting.refresh_from_db()
    assert past_meeting.participation_count is None
    assert participations(past_meeting) == 1
    record_attendance(past_meeting, moderator, count=7)
    assert not Attendance.objects.filter(meeting=past_meeting).exists()
    assert participations(past_meeting) == 7


def test_nobody_came_is_a_record_of_zero(past_meeting, moderator):
    RegistrationFactory(meeting=past_meeting)
    record_attendance(past_meeting, moderator, attendees=[])
    assert participations(past_meeting) == 0


def test_attendance_cannot_be_recorded_before_the_meeting_starts(space, moderator, member):
    upcoming = MeetingFactory(space=space)
    with pytest.raises(ValidationError) as caught:
        record_attendance(upcoming, moderator, attendees=[member])
    assert "pas encore commencé" in caught.value.messages[0]


def test_members_cannot_record_attendance(past_meeting, member):
    with pytest.raises(PermissionDenied):
        record_attendance(past_meeting, member, attendees=[member])


def test_outsiders_do_not_learn_the_meeting_exists(past_meeting, outsider):
    with pytest.raises(Http404):
        record_attendance(past_meeting, outsider, count=3)


def test_only_members_and_registrants_can_be_recorded_present(past_meeting, moderator, outsider):
    with pytest.raises(ValidationError) as caught:
        record_attendance(past_meeting, moderator, attendees=[outsider])
    assert "attendees" in caught.value.message_dict
    assert not past_meeting.attendances.exists()


def test_a_registrant_who_left_the_space_can_still_be_recorded(past_meeting, space, moderator):
    left = make_member(space)
    RegistrationFactory(meeting=past_meeting, user=left)
    Membership.objects.filter(space=space, user=left).delete()
    assert left in attendance_candidates(past_meeting)
    record_attendance(past_meeting, moderator, attendees=[left])
    assert participations(past_meeting) == 1


def test_a_negative_count_is_refused_in_french(past_meeting, moderator):
    with pytest.raises(ValidationError) as caught:
        record_attendance(past_meeting, moderator, count=-1)
    assert caught.value.message_dict["participation_count"] == [
        "Le nombre de participations doit être un entier positif."
    ]


def test_participations_outlive_a_deleted_account(past_meeting, moderator, member):
    record_attendance(past_meeting, moderator, attendees=[member])
    member.delete()
    assert participations(past_meeting) == 1


def test_participations_of_many_meetings_in_one_query(space, moderator, django_assert_num_queries):
    start = timezone.now() - timedelta(days=30)
    for index in range(5):
        meeting = MeetingFactory(
            space=space,
            starts_at=start + timedelta(days=index),
            ends_at=start + timedelta(days=index, hours=2),
        )
        if index % 2:
            record_attendance(meeting, moderator, count=10 + index)
        else:
            for _ in range(index):
                RegistrationFactory(meeting=meeting, user=make_member(space))
    with django_assert_num_queries(1):
        figures = [m.participations for m in Meeting.objects.with_participations()]
    assert figures == [0, 11, 2, 13, 4]
