"""Meetings through the UI: list with counts, sign-up and cancelling, organising."""

from datetime import timedelta

from django.utils import timezone

from extranet.meetings.models import Meeting, Registration
from tests.factories.extranet import MeetingFactory, RegistrationFactory, make_member

from .conftest import space_url


def test_list_shows_upcoming_meetings_with_participant_count(client, member, space):
    meeting = MeetingFactory(space=space, title="Rencontre départementale du Gers")
    for _ in range(3):
        RegistrationFactory(meeting=meeting, user=make_member(space))
    MeetingFactory(
        space=space,
        title="Rencontre de l'an passé",
        starts_at=timezone.now() - timedelta(days=300),
        ends_at=timezone.now() - timedelta(days=300, hours=-3),
    )
    client.force_login(member)

    page = client.get(space_url("meeting_list", space)).content.decode()

    assert "Rencontre départementale du Gers" in page
    assert "3 participant·es" in page or "3 participant·e" in page
    assert "Rencontres passées" in page and "Rencontre de l&#x27;an passé" in page


def test_member_signs_up_then_cancels(client, member, space):
    meeting = MeetingFactory(space=space)
    client.force_login(member)

    signed = client.post(space_url("meeting_sign_up", space, pk=meeting.pk), follow=True)
    assert Registration.objects.filter(meeting=meeting, user=member).exists()
    assert "Vous êtes inscrit·e à" in signed.content.decode()
    assert "Annuler mon inscription" in signed.content.decode()
    assert "Camille Membre" in signed.content.decode()  # in the participants' list

    cancelled = client.post(space_url("meeting_cancel", space, pk=meeting.pk), follow=True)
    assert not Registration.objects.filter(meeting=meeting, user=member).exists()
    assert "Votre inscription à" in cancelled.content.decode()


def test_full_meeting_refuses_sign_up_with_a_message(client, member, space):
    meeting = MeetingFactory(space=space, capacity=1)
    RegistrationFactory(meeting=meeting, user=make_member(space))
    client.force_login(member)

    assert (
        "Rencontre complète."
        in client.get(space_url("meeting_detail", space, pk=meeting.pk)).content.decode()
    )
    response = client.post(space_url("meeting_sign_up", space, pk=meeting.pk), follow=True)

    assert "Cette rencontre est complète" in response.content.decode()
    assert not Registration.objects.filter(meeting=meeting, user=member).exists()


def test_past_meeting_takes_no_sign_up(client, member, space):
    meeting = MeetingFactory(
        space=space,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2, hours=-3),
    )
    client.force_login(member)
    response = client.post(space_url("meeting_sign_up", space, pk=meeting.pk), follow=True)
    assert "les inscriptions sont closes" in response.content.decode()
    assert not Registration.objects.exists()


def test_moderator_creates_a_meeting_and_errors_are_tied_to_fields(client, moderator, space):
    client.force_login(moderator)
    url = space_url("meeting_create", space)

    invalid = client.post(
        url,
        {"title": "Rencontre", "starts_at": "14/03/2031 16:00", "ends_at": "14/03/2031 09:00"},
    ).content.decode()
    assert "La fin doit être postérieure au début." in invalid
    assert "Indiquez un lieu ou un lien de visioconférence." in invalid
    assert not Meeting.objects.exists()

    response = client.post(
        url,
        {
            "title": "Rencontre des référent·e·s PRE",
            "starts_at": "2031-03-14T09:30",
            "ends_at": "2031-03-14T16:00",
            "online_url": "https://visio.exemple.org/pre",
            "agenda": "<p>Place des parents</p><script>alert(1)</script>",
            "capacity": "30",
        },
        follow=True,
    )

    meeting = Meeting.objects.get()
    assert meeting.capacity == 30 and meeting.created_by == moderator
    page = response.content.decode()
    assert "est programmée" in page
    assert "Place des parents" in page and "alert(1)" not in page
    assert "Rejoindre la visioconférence" in page


def test_moderator_edits_a_meeting(client, moderator, space):
    meeting = MeetingFactory(space=space, title="Titre initial")
    client.force_login(moderator)
    form = client.get(space_url("meeting_edit", space, pk=meeting.pk)).content.decode()
    assert 'value="Titre initial"' in form
    data = {
        "title": "Titre révisé",
        "starts_at": "2031-03-14T09:30",
        "ends_at": "2031-03-14T16:00",
        "place": "Albi",
    }
    client.post(space_url("meeting_edit", space, pk=meeting.pk), data)
    meeting.refresh_from_db()
    assert meeting.title == "Titre révisé" and meeting.place == "Albi"


def test_next_meeting_is_on_the_space_home(client, member, space):
    MeetingFactory(space=space, title="Prochaine rencontre PEP'S")
    client.force_login(member)
    page = client.get(space_url("space_home", space)).content.decode()
    assert "Prochaine rencontre PEP&#x27;S" in page


def test_meeting_of_another_space_is_404_under_this_space(client, member, space, other_space):
    foreign = MeetingFactory(space=other_space)
    client.force_login(member)
    assert client.get(space_url("meeting_detail", space, pk=foreign.pk)).status_code == 404
    assert client.post(space_url("meeting_sign_up", space, pk=foreign.pk)).status_code == 404
