"""Invitations by e-mail: invite, accept, revoke.

A token is shown once (in the e-mail) and stored hashed. Accepting is single use even under
concurrent clicks (the row is locked), refuses expired or revoked invitations, and either
attaches the existing account with that e-mail or creates one with the chosen password.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from . import permissions
from .models import Invitation, Membership, Space
from .models.invitation import InvitationStatus, hash_token, new_token
from .roles import Role
from .services import add_member
from .tasks import send_invitation_email

STATUS_MESSAGES = {
    InvitationStatus.ACCEPTED: "Cette invitation a déjà été utilisée.",
    InvitationStatus.REVOKED: "Cette invitation a été annulée par l'équipe d'animation.",
    InvitationStatus.EXPIRED: "Cette invitation a expiré. Demandez une nouvelle invitation à "
    "l'animateur·rice de l'espace.",
}


class InvitationError(Exception):
    """An invitation that cannot be used; `message` is shown to the person as is (French)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": f"« {email} » n'est pas une adresse e-mail valide."}
        ) from None
    return email


def invite(*, by, space: Space, email: str, role: str = Role.MEMBER) -> Invitation:
    """Invite `email` to `space` with `role` and send the e-mail once the transaction commits.

    A pending invitation for the same address is replaced (its link stops working), so
    "resend" is just inviting again.
    """
    permissions.check_invite(by, space, role)
    email = normalise_email(email)
    if Membership.objects.filter(space=space, user__email__iexact=email).exists():
        raise ValidationError({"email": f"{email} est déjà membre de cet espace."})
    token = new_token()
    with transaction.atomic():
        Invitation.objects.pending().filter(space=space, email=email).update(
            revoked_at=timezone.now()
        )
        invitation = Invitation.objects.create(
            space=space, email=email, role=role, invited_by=by, token_hash=hash_token(token)
        )
        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk, token))
    return invitation


def get_invitation_or_404(token: str) -> Invitation:
    """Any invitation matching the token, whatever its status; unknown tokens are a 404."""
    invitation = (
        Invitation.objects.select_related("space").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        raise Http404("Invitation introuvable.")
    return invitation


def existing_account(invitation: Invitation):
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


def accept(
    invitation: Invitation,
    *,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    organisation: str = "",
) -> Membership:
    """Use the invitation: attach the account with its e-mail, or create it with `password`.

    Raises `InvitationError` when the invitation is no longer usable or the account is
    deactivated, `ValidationError` when a new account's password is refused.
    """
    User = get_user_model()
    with transaction.atomic():
        locked = (
            Invitation.objects.select_for_update().select_related("space").get(pk=invitation.pk)
        )
        if locked.status != InvitationStatus.PENDING:
            raise InvitationError(STATUS_MESSAGES[locked.status])
        user = existing_account(locked)
        if user is not None and not user.is_active:
            raise InvitationError(
                "Le compte associé à cette adresse est désactivé. Contactez l'équipe R&T."
            )
        if user is None:
            if not password:
                raise ValidationError({"password": "Choisissez un mot de passe."})
            user = User(
                email=locked.email,
                first_name=first_name.strip(),
                last_name=last_name.strip(),
                organisation=organisation.strip(),
            )
            validate_password(password, user)
            user.set_password(password)
            user.save()
        membership, _ = add_member(
            space=locked.space, user=user, role=locked.role, invited_by=locked.invited_by
        )
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
    invitation.refresh_from_db()
    return membership


def revoke(*, by, invitation: Invitation) -> Invitation:
    """Cancel a pending invitation: its link answers "annulée" from now on."""
    permissions.check_invite(by, invitation.space, invitation.role)
    updated = (
        Invitation.objects.pending().filter(pk=invitation.pk).update(revoked_at=timezone.now())
    )
    invitation.refresh_from_db()
    if not updated:
        raise InvitationError(STATUS_MESSAGES[invitation.status])
    return invitation
