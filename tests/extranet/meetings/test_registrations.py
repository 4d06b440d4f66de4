"""Signing up to meetings, counts of participants and the next meeting of a space."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from extranet.meetings import permissions
from extranet.meetings.models import Meeting, Registration
from extranet.meetings.services import (
    cancel_registration,
    meetings_for,
    next_meeting,
    participants,
    sign_up,
)
from tests.factories.extranet import MeetingFactory, RegistrationFactory, SpaceFactory, make_member

pytestmark = pytest.mark.django_db


def test_member_signs_up_once(space, member):
    meeting = MeetingFactory(space=space)
    first = sign_up(meeting, member)
    assert sign_up(meeting, member) == first
    assert Registration.objects.filter(meeting=meeting).count() == 1
    assert list(participants(meeting)) == [member]


def test_full_meeting_is_refused_in_french(space, member):
    meeting = MeetingFactory(space=space, capacity=1)
    sign_up(meeting, make_member(space))
    with pytest.raises(ValidationError) as caught:
        sign_up(meeting, member)
    assert caught.value.code == "full"
    assert "complète" in caught.value.messages[0]


def test_started_or_past_meeting_is_refused(space, member):
    past = MeetingFactory(
        space=space,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    with pytest.raises(ValidationError) as caught:
        sign_up(past, member)
    assert caught.value.code == "started"
    assert "déjà commencé" in caught.value.messages[0]


@pytest.mark.parametrize("role", ["anonymous", "outsider", "removed_member", "inactive_member"])
def test_non_members_get_404(request, space, role):
    meeting = MeetingFactory(space=space)
    with pytest.raises(Http404):
        sign_up(meeting, request.getfixturevalue(role))


def test_archived_space_takes_no_sign_up(space, member):
    meeting = MeetingFactory(space=space)
    space.is_archived = True
    space.save()
    meeting.refresh_from_db()
    with pytest.raises(PermissionDenied):
        sign_up(meeting, member)


def test_member_cancels_before_the_meeting(space, member):
    meeting = MeetingFactory(space=space)
    sign_up(meeting, member)
    assert cancel_registration(meeting, member) is True
    assert cancel_registration(meeting, member) is False
    assert not Registration.objects.exists()


def test_cancelling_after_the_start_is_refused(space, member):
    meeting = MeetingFactory(
        space=space,
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    RegistrationFactory(meeting=meeting, user=member)
    with pytest.raises(ValidationError):
        cancel_registration(meeting, member)
    assert Registration.objects.filter(user=member).exists()


def test_can_sign_up_reflects_rights_time_and_places(space, member, outsider):
    open_meeting = MeetingFactory(space=space, capacity=2)
    assert permissions.can_sign_up(member, open_meeting)
    assert not permissions.can_sign_up(outsider, open_meeting)
    RegistrationFactory.create_batch(2, meeting=open_meeting)
    assert not permissions.can_sign_up(member, open_meeting)


def test_participant_counts_are_annotated_in_constant_queries(
    space, member, django_assert_num_queries
):
    for size in (0, 1, 3, 5):
        RegistrationFactory.create_batch(size, meeting=MeetingFactory(space=space))
    queryset = Meeting.objects.filter(space=space).with_participant_count().order_by("pk")
    with django_assert_num_queries(1):
        counts = [meeting.participant_count for meeting in queryset]
    assert counts == [0, 1, 3, 5]


def test_meetings_for_a_member_say_whether_they_are_registered(
    space, other_space, member, django_assert_max_num_queries
):
    mine = MeetingFactory(space=space)
    MeetingFactory(space=space)
    MeetingFactory(space=other_space)
    sign_up(mine, member)
    with django_assert_max_num_queries(1):
        rows = {(m.pk, m.is_registered, m.participant_count) for m in meetings_for(member)}
    assert len(rows) == 2
    assert (mine.pk, True, 1) in rows


def test_next_meeting_is_the_earliest_not_over(space):
    now = timezone.now()
    MeetingFactory(space=space, starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=2))
    later = MeetingFactory(space=space, starts_at=now + timedelta(days=20))
    sooner = MeetingFactory(space=space, starts_at=now + timedelta(days=5))
    MeetingFactory(space=SpaceFactory(), starts_at=now + timedelta(days=1))
    assert next_meeting(space) == sooner
    assert next_meeting(space, now=now + timedelta(days=10)) == later
    assert next_meeting(space).participant_count == 0


def test_no_next_meeting(space):
    assert next_meeting(space) is None


def test_meetings_are_narrowed_to_visible_spaces(space, other_space, member, staff):
    here = MeetingFactory(space=space)
    there = MeetingFactory(space=other_space)
    assert list(permissions.filter_meetings_queryset(member)) == [here]
    assert set(permissions.filter_meetings_queryset(staff)) == {here, there}


def test_sign_up_to_a_meeting_deleted_meanwhile_is_404(space, member):
    meeting = MeetingFactory(space=space)
    Meeting.objects.filter(pk=meeting.pk).delete()
    with pytest.raises(Http404):
        sign_up(meeting, member)
