"""The member directory, invitations, removal and role changes through the UI."""

from django.core import mail

from extranet.spaces.models import Invitation, Membership
from extranet.spaces.roles import Role
from tests.factories.cms import make_territory
from tests.factories.extranet import InvitationFactory, make_member

from .conftest import space_url


def test_directory_shows_name_organisation_job_territory_and_role(client, member, space):
    make_member(
        space,
        Role.MODERATOR,
        first_name="Inès",
        last_name="Annuaire",
        organisation="Mairie de Montauban",
        job_title="Coordinatrice CLSPD",
        territory=make_territory("Tarn-et-Garonne", code="82"),
    )
    client.force_login(member)

    page = client.get(space_url("member_list", space)).content.decode()

    for shown in ("Inès Annuaire", "Mairie de Montauban", "Coordinatrice CLSPD", "Tarn-et-Garonne"):
        assert shown in page
    assert "Animateur·rice" in page
    assert "Inviter une personne" not in page  # members do not invite


def test_directory_leaves_out_deactivated_accounts(client, member, inactive_member, space):
    client.force_login(member)
    page = client.get(space_url("member_list", space)).content.decode()
    assert inactive_member.get_full_name() not in page


def test_moderator_invites_by_email_and_the_invitation_is_listed(
    client, moderator, space, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    form = client.get(space_url("member_invite", space)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves on commit
        response = client.post(
            space_url("member_invite", space),
            {"email": "Nouvelle.Venue@Exemple.org", "role": Role.MEMBER},
            follow=True,
        )

    assert 'value="owner"' not in form  # only owners invite owners
    invitation = Invitation.objects.get(space=space)
    assert invitation.email == "nouvelle.venue@exemple.org"
    assert "Invitation envoyée à nouvelle.venue@exemple.org" in response.content.decode()
    assert "nouvelle.venue@exemple.org" in response.content.decode()  # pending list
    assert [message.to for message in mail.outbox] == [["nouvelle.venue@exemple.org"]]


def test_owner_may_invite_an_owner(client, owner, space):
    client.force_login(owner)
    assert 'value="owner"' in client.get(space_url("member_invite", space)).content.decode()


def test_inviting_a_member_again_shows_a_field_error(client, moderator, member, space):
    client.force_login(moderator)
    response = client.post(
        space_url("member_invite", space), {"email": member.email, "role": Role.MEMBER}
    )
    page = response.content.decode()
    assert "est déjà membre de cet espace" in page
    assert 'id="id_email_error"' in page
    assert not Invitation.objects.exists()


def test_invalid_email_is_refused_in_french(client, moderator, space):
    client.force_login(moderator)
    response = client.post(space_url("member_invite", space), {"email": "pas-une-adresse"})
    assert "Saisissez une adresse e-mail valide." in response.content.decode()


def test_moderator_revokes_a_pending_invitation(client, moderator, space):
    invitation = InvitationFactory(space=space, email="a-annuler@exemple.org")
    client.force_login(moderator)
    response = client.post(space_url("invitation_revoke", space, pk=invitation.pk), follow=True)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "L&#x27;invitation de a-annuler@exemple.org est annulée." in response.content.decode()


def test_moderator_removes_a_member_after_confirming(client, moderator, member, space):
    membership = Membership.objects.get(user=member, space=space)
    client.force_login(moderator)

    confirm = client.get(space_url("member_remove", space, pk=membership.pk)).content.decode()
    assert "Retirer Camille Membre de l'espace ?" in confirm
    response = client.post(space_url("member_remove", space, pk=membership.pk), follow=True)

    assert "Camille Membre ne fait plus partie de l&#x27;espace." in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_moderator_cannot_remove_another_moderator(client, moderator, space):
    other = make_member(space, Role.MODERATOR)
    membership = Membership.objects.get(user=other, space=space)
    client.force_login(moderator)
    assert client.post(space_url("member_remove", space, pk=membership.pk)).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_owner_changes_a_role(client, owner, member, space):
    membership = Membership.objects.get(user=member, space=space)
    client.force_login(owner)

    page = client.get(space_url("member_list", space)).content.decode()
    assert f'id="role-{membership.pk}"' in page
    response = client.post(
        space_url("member_role", space, pk=membership.pk), {"role": Role.MODERATOR}, follow=True
    )

    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR
    assert "Camille Membre est désormais animateur·rice." in response.content.decode()


def test_unknown_role_is_refused_with_a_message(client, owner, member, space):
    membership = Membership.objects.get(user=member, space=space)
    client.force_login(owner)
    response = client.post(
        space_url("member_role", space, pk=membership.pk), {"role": "roi"}, follow=True
    )
    assert "Choisissez un rôle dans la liste." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_membership_of_another_space_is_404_under_this_space(client, owner, space, other_space):
    foreign = other_space.memberships.get()
    client.force_login(owner)
    assert client.post(space_url("member_remove", space, pk=foreign.pk)).status_code == 404
