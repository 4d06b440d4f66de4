"""Invitations: single use, expiring, revocable; attach or create the account."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from extranet.spaces import invitations, permissions
from extranet.spaces.models import Invitation, Membership
from extranet.spaces.models.invitation import InvitationStatus, hash_token
from extranet.spaces.roles import Role
from tests.factories.extranet import InvitationFactory
from tests.factories.users import UserFactory

User = get_user_model()


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Invite and run the on-commit e-mail task, as a committed request would."""

    def _invite(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return invitations.invite(**kwargs)

    return _invite


def _token_from(message):
    url = next(line for line in message.body.splitlines() if "/extranet/invitation/" in line)
    return url.rstrip("/").rsplit("/", 1)[1]


def test_invite_sends_a_french_email_with_the_acceptance_link(send, space, other_space, moderator):
    invitation = send(by=moderator, space=space, email="Nouvelle@Exemple.org")
    [message] = mail.outbox
    assert message.to == ["nouvelle@exemple.org"]
    assert "Invitation à rejoindre l'espace" in message.subject
    assert space.name in message.subject
    assert "Pour accepter l'invitation" in message.body
    token = _token_from(message)
    assert Invitation.objects.get(token_hash=hash_token(token)) == invitation


def test_invitation_email_never_names_another_space(send, space, other_space, owner):
    send(by=owner, space=space, email="nouvelle@exemple.org")
    [message] = mail.outbox
    assert other_space.name not in message.subject + message.body


def test_token_is_stored_hashed_only(send, space, moderator):
    invitation = send(by=moderator, space=space, email="nouvelle@exemple.org")
    token = _token_from(mail.outbox[0])
    assert token not in invitation.token_hash
    assert invitation.token_hash == hash_token(token)


def test_invitation_expires_after_the_configured_days(settings, space, moderator):
    settings.EXTRANET_INVITATION_DAYS = 3
    invitation = invitations.invite(by=moderator, space=space, email="nouvelle@exemple.org")
    assert timedelta(days=2, hours=23) < invitation.expires_at - timezone.now() <= timedelta(3)


def test_member_cannot_invite(space, member):
    with pytest.raises(PermissionDenied):
        invitations.invite(by=member, space=space, email="nouvelle@exemple.org")


def test_outsider_inviting_gets_404(space, outsider):
    with pytest.raises(Http404):
        invitations.invite(by=outsider, space=space, email="nouvelle@exemple.org")


def test_moderator_cannot_invite_an_owner(space, moderator):
    with pytest.raises(PermissionDenied, match="responsables"):
        invitations.invite(by=moderator, space=space, email="x@exemple.org", role=Role.OWNER)


def test_inviting_a_current_member_is_refused_with_a_french_message(space, moderator, member):
    with pytest.raises(ValidationError, match="déjà membre"):
        invitations.invite(by=moderator, space=space, email=member.email.upper())


def test_invalid_email_is_refused_with_a_french_message(space, moderator):
    with pytest.raises(ValidationError, match="n'est pas une adresse e-mail valide"):
        invitations.invite(by=moderator, space=space, email="pas-une-adresse")


def test_inviting_again_replaces_the_pending_invitation(space, moderator):
    first = invitations.invite(by=moderator, space=space, email="nouvelle@exemple.org")
    second = invitations.invite(by=moderator, space=space, email="nouvelle@exemple.org")
    first.refresh_from_db()
    assert first.status == InvitationStatus.REVOKED
    assert second.status == InvitationStatus.PENDING


def test_accepting_creates_the_account_and_the_membership(space, moderator):
    invitation = InvitationFactory(
        space=space, email="nouvelle@exemple.org", role=Role.MODERATOR, invited_by=moderator
    )
    membership = invitations.accept(
        invitation, password="un-long-mot-de-passe-2024", first_name="Inès", last_name="Nouvelle"
    )
    user = User.objects.get(email="nouvelle@exemple.org")
    assert membership.user == user and membership.role == Role.MODERATOR
    assert membership.invited_by == moderator
    assert user.check_password("un-long-mot-de-passe-2024")
    assert permissions.can_moderate(user, space)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.accepted_by == user


def test_accepting_attaches_the_existing_account_matched_by_email(space):
    existing = UserFactory(email="deja@exemple.org")
    invitation = InvitationFactory(space=space, email="deja@exemple.org")
    membership = invitations.accept(invitation)
    assert membership.user == existing
    assert User.objects.filter(email__iexact="deja@exemple.org").count() == 1


def test_accepting_never_demotes_an_existing_member(space, moderator):
    invitation = InvitationFactory(space=space, email=moderator.email, role=Role.MEMBER)
    membership = invitations.accept(invitation)
    assert membership.role == Role.MODERATOR


def test_invitation_is_single_use(space):
    invitation = InvitationFactory(space=space, email="deja@exemple.org")
    UserFactory(email="deja@exemple.org")
    invitations.accept(invitation)
    with pytest.raises(invitations.InvitationError, match="déjà été utilisée"):
        invitations.accept(invitation)


def test_expired_invitation_is_refused(space):
    invitation = InvitationFactory(space=space, expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(invitations.InvitationError, match="expiré"):
        invitations.accept(invitation, password="un-long-mot-de-passe-2024")
    assert not Membership.objects.filter(space=space, user__email=invitation.email).exists()


def test_revoked_invitation_is_refused(space, moderator):
    invitation = InvitationFactory(space=space, invited_by=moderator)
    invitations.revoke(by=moderator, invitation=invitation)
    with pytest.raises(invitations.InvitationError, match="annulée"):
        invitations.accept(invitation, password="un-long-mot-de-passe-2024")


def test_member_cannot_revoke(space, member):
    invitation = InvitationFactory(space=space)
    with pytest.raises(PermissionDenied):
        invitations.revoke(by=member, invitation=invitation)


def test_revoking_an_accepted_invitation_says_it_was_used(space, moderator):
    invitation = InvitationFactory(space=space, accepted_at=timezone.now())
    with pytest.raises(invitations.InvitationError, match="déjà été utilisée"):
        invitations.revoke(by=moderator, invitation=invitation)


def test_deactivated_account_cannot_accept(space):
    UserFactory(email="parti@exemple.org", is_active=False)
    invitation = InvitationFactory(space=space, email="parti@exemple.org")
    with pytest.raises(invitations.InvitationError, match="désactivé"):
        invitations.accept(invitation)


def test_new_account_needs_an_acceptable_password(space):
    invitation = InvitationFactory(space=space, email="nouvelle@exemple.org")
    with pytest.raises(ValidationError):
        invitations.accept(invitation, password="123")
    assert not User.objects.filter(email="nouvelle@exemple.org").exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_wrong_token_is_a_404(space):
    InvitationFactory(space=space, token="le-bon-jeton")
    with pytest.raises(Http404):
        invitations.get_invitation_or_404("un-autre-jeton")
    assert invitations.get_invitation_or_404("le-bon-jeton").space == space


def test_revoked_before_the_worker_ran_sends_nothing(space, moderator):
    from extranet.spaces.tasks import send_invitation_email

    invitation = InvitationFactory(space=space, revoked_at=timezone.now())
    assert send_invitation_email.call(invitation.pk, "jeton") is False
    assert mail.outbox == []
