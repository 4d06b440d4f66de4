"""The meetings admin loads for staff, with participant counts."""

import pytest
from django.urls import reverse

from tests.factories.extranet import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_meeting_pages_load_for_staff(client, staff, space):
    meeting = MeetingFactory(space=space, title="Rencontre annuelle")
    RegistrationFactory.create_batch(2, meeting=meeting)
    client.force_login(staff)
    response = client.get(reverse("admin:meetings_meeting_changelist"))
    assert response.status_code == 200
    assert "Rencontre annuelle" in response.content.decode()
    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    assert client.get(change).status_code == 200
