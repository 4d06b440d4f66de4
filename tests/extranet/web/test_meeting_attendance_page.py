"""Recording a meeting's attendance through the UI (moderators, after the meeting starts)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from extranet.meetings.models import Attendance
from tests.factories.extranet import MeetingFactory, RegistrationFactory, make_member

from .conftest import space_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_meeting(space):
    start = timezone.now() - timedelta(days=2)
    return MeetingFactory(
        space=space, title="Rencontre PEP'S", starts_at=start, ends_at=start + timedelta(hours=3)
    )


def attendance_url(space, meeting):
    return space_url("meeting_attendance", space, pk=meeting.pk)


def test_the_form_is_pre_filled_from_the_sign_ups(client, moderator, space, past_meeting):
    signed = make_member(space, first_name="Inès", last_name="Inscrite")
    RegistrationFactory(meeting=past_meeting, user=signed)
    other = make_member(space, first_name="Yann", last_name="Absent")
    client.force_login(moderator)
    page = client.get(attendance_url(space, past_meeting)).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="attendees"[^>]*>', page)
    checked = {re.search(r'value="(\d+)"', box).group(1) for box in boxes if "checked" in box}
    assert checked == {str(signed.pk)}
    assert any(f'value="{other.pk}"' in box for box in boxes)  # can be ticked


def test_moderator_records_who_came(client, moderator, space, past_meeting):
    came = make_member(space)
    absent = make_member(space)
    RegistrationFactory(meeting=past_meeting, user=absent)
    client.force_login(moderator)
    response = client.post(
        attendance_url(space, past_meeting), {"mode": "liste", "attendees": [came.pk]}, follow=True
    )
    assert "Présences enregistrées : 1 participation." in response.content.decode()
    assert list(Attendance.objects.values_list("user_id", flat=True)) == [came.pk]


def test_moderator_records_a_participation_count(client, moderator, space, past_meeting):
    client.force_login(moderator)
    response = client.post(
        attendance_url(space, past_meeting), {"mode": "nombre", "participation_count": "18"}
    )
    assert response.status_code == 302
    past_meeting.refresh_from_db()
    assert past_meeting.participation_count == 18
    detail = client.get(space_url("meeting_detail", space, pk=past_meeting.pk)).content.decode()
    assert "18 participations (rencontre tenue ailleurs)" in detail
    assert "Modifier les présences" in detail


def test_a_count_is_required_when_counting(client, moderator, space, past_meeting):
    client.force_login(moderator)
    response = client.post(attendance_url(space, past_meeting), {"mode": "nombre"})
    assert response.status_code == 200
    assert "Indiquez le nombre de participations." in response.content.decode()
    past_meeting.refresh_from_db()
    assert not past_meeting.attendance_is_recorded


def test_someone_outside_the_space_cannot_be_ticked(client, moderator, space, past_meeting):
    from tests.factories.users import UserFactory

    stranger = UserFactory()
    client.force_login(moderator)
    response = client.post(
        attendance_url(space, past_meeting), {"mode": "liste", "attendees": [stranger.pk]}
    )
    assert response.status_code == 200
    assert not Attendance.objects.exists()


def test_before_the_meeting_the_moderator_is_sent_back_with_the_reason(client, moderator, space):
    upcoming = MeetingFactory(space=space)
    client.force_login(moderator)
    response = client.get(attendance_url(space, upcoming), follow=True)
    assert "les présences se relèvent ensuite" in response.content.decode()


def test_members_are_refused(client, member, space, past_meeting):
    client.force_login(member)
    assert client.get(attendance_url(space, past_meeting)).status_code == 403
    detail = client.get(space_url("meeting_detail", space, pk=past_meeting.pk)).content.decode()
    assert "Relever les présences" not in detail


def test_outsiders_do_not_learn_the_meeting_exists(client, outsider, space, past_meeting):
    client.force_login(outsider)
    assert client.get(attendance_url(space, past_meeting)).status_code == 404
