"""Meetings (sign-up, cancel, organising), the member directory, roles and invitations, and
notification settings through the API."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from extranet.meetings.models import Registration
from extranet.notifications.models import SpaceSubscription
from extranet.spaces.models import Invitation, Membership
from extranet.spaces.roles import Role
from tests.factories.extranet import MeetingFactory, make_member

from .conftest import api_url


def test_sign_up_twice_registers_once_and_cancel_withdraws(member, as_user, space, furnished):
    client = as_user(member)
    url = api_url("meeting-registration", space, pk=furnished.meeting.pk)
    first = client.post(url).json()
    second = client.post(url).json()
    assert (first["participant_count"], second["participant_count"]) == (1, 1)
    assert second["is_registered"] is True and second["can_cancel"] is True
    assert [person["name"] for person in second["participants"]] == ["Camille Membre"]
    response = client.delete(url)
    assert response.status_code == 200
    assert response.json()["is_registered"] is False
    assert not Registration.objects.filter(meeting=furnished.meeting).exists()


def test_started_meeting_refuses_sign_up_and_cancel(member, as_user, space):
    meeting = MeetingFactory(
        space=space,
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    client = as_user(member)
    url = api_url("meeting-registration", space, pk=meeting.pk)
    response = client.post(url)
    assert response.status_code == 400
    assert "déjà commencé" in response.json()["non_field_errors"][0]
    assert client.delete(url).status_code == 400


def test_meetings_list_upcoming_and_past(member, as_user, space):
    past = MeetingFactory(
        space=space,
        title="Passée",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    upcoming = MeetingFactory(space=space, title="À venir")
    client = as_user(member)
    listed = client.get(api_url("meeting-list", space), {"when": "upcoming"}).json()["results"]
    assert [item["id"] for item in listed] == [upcoming.pk]
    listed = client.get(api_url("meeting-list", space), {"when": "past"}).json()["results"]
    assert [item["id"] for item in listed] == [past.pk]
    listed = client.get(api_url("meeting-list", space)).json()["results"]
    assert [item["id"] for item in listed] == [past.pk, upcoming.pk]


def test_moderator_organises_a_meeting_with_documents(moderator, as_user, space, furnished):
    client = as_user(moderator)
    response = client.post(
        api_url("meeting-list", space),
        {
            "title": "Rencontre régionale",
            "starts_at": "2031-05-12T09:30:00+02:00",
            "ends_at": "2031-05-12T16:00:00+02:00",
            "online_url": "https://visio.exemple.org/rencontre",
            "agenda": "<p>Accueil</p><script>x</script>",
            "capacity": 30,
            "documents": [furnished.document.pk],
        },
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    assert data["is_online"] is True
    assert "script" not in data["agenda"]
    assert data["documents"] == [furnished.document.pk]
    url = api_url("meeting-detail", space, pk=data["id"])
    response = client.patch(url, {"capacity": None, "place": "Narbonne"}, format="json")
    assert (response.json()["capacity"], response.json()["place"]) == (None, "Narbonne")
    assert client.delete(url).status_code == 204


def test_capacity_cannot_drop_below_registrations(moderator, member, as_user, space, furnished):
    as_user(member).post(api_url("meeting-registration", space, pk=furnished.meeting.pk))
    make_member(space)
    response = as_user(moderator).patch(
        api_url("meeting-detail", space, pk=furnished.meeting.pk), {"capacity": 1}, format="json"
    )
    assert response.status_code == 200
    Registration.objects.create(meeting=furnished.meeting, user=furnished.author)
    response = as_user(moderator).patch(
        api_url("meeting-detail", space, pk=furnished.meeting.pk), {"capacity": 1}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["capacity"]


def test_directory_lists_active_members_with_their_profile(member, inactive_member, as_user, space):
    results = as_user(member).get(api_url("membership-list", space)).json()["results"]
    names = [item["user"]["name"] for item in results]
    assert "Camille Membre" in names
    assert "Lou Inactif" not in names
    mine = next(item for item in results if item["user"]["name"] == "Camille Membre")
    assert set(mine["user"]) == {"id", "name", "organisation", "job_title", "territory"}
    assert (mine["role"], mine["role_label"]) == ("member", "Membre")


def test_moderator_may_not_remove_a_moderator_but_deleting_their_own_membership_leaves(
    moderator, owner, as_user, space
):
    client = as_user(moderator)
    other = Membership.objects.get(user=make_member(space, Role.MODERATOR), space=space)
    mine = Membership.objects.get(user=moderator, space=space)

    response = client.delete(api_url("membership-detail", space, pk=other.pk))
    assert response.status_code == 403
    assert response.json() == {"detail": "Vous ne pouvez pas retirer ce membre de l'espace."}
    assert client.delete(api_url("membership-detail", space, pk=mine.pk)).status_code == 204
    assert not Membership.objects.filter(pk=mine.pk).exists()
    assert client.get(api_url("space-detail", space)).status_code == 404  # gone at once
    assert (
        as_user(owner).delete(api_url("membership-detail", space, pk=other.pk)).status_code == 204
    )


def test_the_last_owner_deleting_their_own_membership_is_refused_with_the_reason(
    owner, as_user, space
):
    mine = Membership.objects.get(user=owner, space=space)
    response = as_user(owner).delete(api_url("membership-detail", space, pk=mine.pk))
    assert response.status_code == 403
    assert "nommez un·e autre responsable" in response.json()["detail"]
    assert Membership.objects.filter(pk=mine.pk).exists()


def test_owner_changes_a_role_but_not_their_own(owner, as_user, space, furnished):
    client = as_user(owner)
    url = api_url("membership-detail", space, pk=furnished.target.pk)
    response = client.patch(url, {"role": "owner"}, format="json")
    assert (response.status_code, response.json()["role"]) == (200, "owner")
    mine = Membership.objects.get(user=owner, space=space)
    response = client.patch(
        api_url("membership-detail", space, pk=mine.pk), {"role": "member"}, format="json"
    )
    assert response.status_code == 403
    assert Membership.objects.get(pk=mine.pk).role == Role.OWNER


def test_membership_of_another_space_is_not_found(owner, as_user, space, furnished_other):
    url = api_url("membership-detail", space, pk=furnished_other.target.pk)
    assert as_user(owner).delete(url).status_code == 404
    assert Membership.objects.filter(pk=furnished_other.target.pk).exists()


def test_invitation_is_sent_and_can_be_revoked(
    moderator, as_user, space, django_capture_on_commit_callbacks
):
    client = as_user(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            api_url("invitation-list", space), {"email": " Nouvelle@Exemple.org "}, format="json"
        )
    assert response.status_code == 201
    data = response.json()
    assert (data["email"], data["role"], data["status"]) == (
        "nouvelle@exemple.org",
        "member",
        "pending",
    )
    assert mail.outbox[-1].to == ["nouvelle@exemple.org"]
    listed = client.get(api_url("invitation-list", space)).json()["results"]
    assert [item["id"] for item in listed] == [data["id"]]
    url = api_url("invitation-detail", space, pk=data["id"])
    assert client.delete(url).status_code == 204
    assert Invitation.objects.get(pk=data["id"]).revoked_at is not None
    response = client.delete(url)
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == [
        "Cette invitation a été annulée par l'équipe d'animation."
    ]


def test_only_owners_invite_owners(moderator, owner, as_user, space):
    data = {"email": "future-responsable@exemple.org", "role": "owner"}
    response = as_user(moderator).post(api_url("invitation-list", space), data, format="json")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Seul·e·s les responsables de l'espace peuvent inviter un·e responsable."
    }
    response = as_user(owner).post(api_url("invitation-list", space), data, format="json")
    assert response.status_code == 201


def test_notification_settings_default_then_change(member, as_user, space):
    client = as_user(member)
    url = api_url("notification-settings", space)
    assert client.get(url).json() == {"level": "normal", "digest_frequency": "monthly"}
    response = client.put(url, {"level": "muted", "digest_frequency": "weekly"}, format="json")
    assert response.json() == {"level": "muted", "digest_frequency": "weekly"}
    response = client.patch(url, {"digest_frequency": "daily"}, format="json")
    assert response.json() == {"level": "muted", "digest_frequency": "daily"}
    assert SpaceSubscription.objects.get(user=member, space=space).level == "muted"
