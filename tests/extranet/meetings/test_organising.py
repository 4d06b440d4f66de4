"""Creating and changing meetings: who may, and what a valid meeting is."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from extranet.meetings.models import Meeting
from extranet.meetings.services import create_meeting, delete_meeting, update_meeting
from tests.factories.extranet import MeetingFactory, RegistrationFactory, make_document

pytestmark = pytest.mark.django_db


def fields(**overrides):
    start = timezone.now() + timedelta(days=10)
    values = {
        "title": "Rencontre des coordinateur·rice·s CLSPD",
        "starts_at": start,
        "ends_at": start + timedelta(hours=3),
        "place": "Montpellier",
    }
    values.update(overrides)
    return values


def test_moderator_creates_a_meeting_with_a_sanitised_agenda(space, moderator):
    meeting = create_meeting(
        space, moderator, **fields(agenda="<p>Accueil</p><script>x</script>Tour de table")
    )
    assert meeting.created_by == moderator
    assert meeting.agenda == "<p>Accueil</p><p>Tour de table</p>"


def test_online_meeting_needs_no_place(space, moderator):
    meeting = create_meeting(
        space, moderator, **fields(place="", online_url="https://visio.exemple.org/rt")
    )
    assert meeting.is_online


def test_meeting_needs_a_place_or_a_link(space, moderator):
    with pytest.raises(ValidationError) as caught:
        create_meeting(space, moderator, **fields(place=" "))
    assert caught.value.message_dict["place"] == ["Indiquez un lieu ou un lien de visioconférence."]


def test_meeting_must_end_after_it_starts(space, moderator):
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError) as caught:
        create_meeting(space, moderator, **fields(starts_at=start, ends_at=start))
    assert "ends_at" in caught.value.message_dict


def test_only_http_links_are_accepted(space, moderator):
    with pytest.raises(ValidationError) as caught:
        create_meeting(space, moderator, **fields(online_url="javascript:alert(1)"))
    assert "online_url" in caught.value.message_dict


def test_documents_must_belong_to_the_space(space, other_space, moderator):
    here = make_document(space)
    elsewhere = make_document(other_space)
    meeting = create_meeting(space, moderator, documents=[here], **fields())
    assert list(meeting.documents.all()) == [here]
    with pytest.raises(ValidationError) as caught:
        create_meeting(space, moderator, documents=[elsewhere], **fields())
    assert "documents" in caught.value.message_dict


def test_member_cannot_organise(space, member):
    with pytest.raises(PermissionDenied):
        create_meeting(space, member, **fields())
    assert not Meeting.objects.exists()


def test_outsider_gets_404(space, outsider):
    with pytest.raises(Http404):
        create_meeting(space, outsider, **fields())


def test_capacity_cannot_drop_below_registrations(space, moderator):
    meeting = MeetingFactory(space=space, capacity=10)
    RegistrationFactory.create_batch(3, meeting=meeting)
    with pytest.raises(ValidationError) as caught:
        update_meeting(meeting, moderator, capacity=2)
    assert "Déjà 3 inscrit·e·s" in caught.value.message_dict["capacity"][0]
    assert update_meeting(meeting, moderator, capacity=3).capacity == 3


def test_moderator_deletes_a_meeting(space, moderator, member):
    meeting = MeetingFactory(space=space)
    with pytest.raises(PermissionDenied):
        delete_meeting(meeting, member)
    delete_meeting(meeting, moderator)
    assert not Meeting.objects.exists()
