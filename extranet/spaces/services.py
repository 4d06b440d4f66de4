"""Membership changes: add, remove, leave, change role. Views and the API call these, never the ORM.

Functions that act on behalf of someone (`by`) check the permission module first, so every
caller enforces the same rules; `add_member` is the internal primitive used by invitations and
the staff bulk import, which carry their own authorisation.
"""

from django.db import IntegrityError, transaction

from . import permissions
from .models import Membership, Space
from .roles import Role, higher_role


def add_member(*, space: Space, user, role: str = Role.MEMBER, invited_by=None):
    """Give `user` `role` in `space`; returns (membership, created).

    Idempotent: an existing membership is kept and only ever raised to the higher role, so
    replaying an invitation or an import never demotes anybody.
    """
    membership = Membership.objects.filter(space=space, user=user).first()
    if membership is None:
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    space=space, user=user, role=role, invited_by=invited_by
                )
            return membership, True
        except IntegrityError:  # a concurrent request added the same member first
            membership = Membership.objects.get(space=space, user=user)
    new_role = higher_role(membership.role, role)
    if new_role != membership.role:
        membership.role = new_role
        membership.save(update_fields=["role"])
    return membership, False


def remove_member(*, by, membership: Membership) -> None:
    """Remove a member: the row and its guardian permissions go, access ends at once."""
    permissions.check_remove_member(by, membership)
    membership.delete()


def leave_space(*, user, space: Space) -> None:
    """`user` leaves `space` of their own accord: like a removal, access ends at once and
    their posts stay. The owners' rows are locked first, so two last owners leaving at the
    same time cannot both pass the "another owner remains" check."""
    with transaction.atomic():
        list(Membership.objects.select_for_update().filter(space=space, role=Role.OWNER))
        permissions.check_leave_space(user, space)
        Membership.objects.get(space=space, user=user).delete()


def change_role(*, by, membership: Membership, role: str) -> Membership:
    permissions.check_change_role(by, membership)
    if role not in Role.values:
        raise ValueError(f"Rôle inconnu : {role}")
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership
