"""Keep guardian object permissions in step with memberships.

`grant_role` makes the user's permissions on the space exactly those of the membership's role;
`revoke_role` removes them all. Both run from the Membership signals (`signals.py`), so every
path that saves or deletes a membership (services, Django admin, Wagtail snippets, cascades)
keeps the permissions in sync. Bulk `QuerySet.update()`/`bulk_create()` skip signals: call
`sync_space_permissions` after such operations.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from portal.fragments import writes

from . import permissions
from .models import Membership, Space, SpaceUserObjectPermission
from .roles import ROLE_PERMISSIONS


def _permission_objects(codenames):
    content_type = ContentType.objects.get_for_model(Space)
    return Permission.objects.filter(content_type=content_type, codename__in=codenames)


def grant_role(membership: Membership) -> None:
    """Make the member's guardian permissions on the space match the role, nothing more."""
    wanted = {str(codename) for codename in ROLE_PERMISSIONS[membership.role]}
    held = SpaceUserObjectPermission.objects.filter(
        user_id=membership.user_id, content_object_id=membership.space_id
    )
    held.exclude(permission__codename__in=wanted).delete()
    present = set(held.values_list("permission__codename", flat=True))
    missing = wanted - present
    if missing:
        # Through ``writes``: what a member sees is shown by cached fragments (the unread
        # count), declared in ``portal.fragments.registry``.
        writes.bulk_create(
            SpaceUserObjectPermission,
            [
                SpaceUserObjectPermission(
                    user_id=membership.user_id,
                    content_object_id=membership.space_id,
                    permission=permission,
                )
                for permission in _permission_objects(missing)
            ],
            ignore_conflicts=True,
        )
    permissions.forget_cached_rights()


def revoke_role(*, user_id: int, space_id: int) -> None:
    """Remove every guardian permission the user holds on the space."""
    SpaceUserObjectPermission.objects.filter(user_id=user_id, content_object_id=space_id).delete()
    permissions.forget_cached_rights()


def sync_all() -> int:
    """Re-derive every member's permissions from roles (after a role map change or bulk edits).

    Also drops permissions left without a membership. Returns the number of memberships synced.
    """
    count = 0
    for membership in Membership.objects.only("user_id", "space_id", "role").iterator():
        grant_role(membership)
        count += 1
    # User permissions come from memberships only (groups carry any other grant), so a user
    # permission without a membership is a leftover and must go.
    has_membership = Membership.objects.filter(
        user_id=OuterRef("user_id"), space_id=OuterRef("content_object_id")
    )
    SpaceUserObjectPermission.objects.filter(~Exists(has_membership)).delete()
    permissions.forget_cached_rights()
    return count
