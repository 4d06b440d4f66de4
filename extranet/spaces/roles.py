"""Roles in a space and the object permissions each one holds: the single place they are mapped.

Guardian object permissions are granted on the Space and derived from the role
(`extranet.spaces.grants`); the permission module (`extranet.spaces.permissions`) reads them.
Changing what a role may do means changing `ROLE_PERMISSIONS` and running
`manage.py sync_space_permissions` so existing memberships follow.
"""

from django.db import models


class SpacePermission(models.TextChoices):
    """Codenames of the object permissions on a Space (declared in `Space.Meta.permissions`)."""

    VIEW = "view_space", "Voir l'espace et ses contenus"
    POST = "post_in_space", "Publier dans l'espace"
    UPLOAD = "upload_in_space", "Déposer des documents dans l'espace"
    ATTEND_MEETINGS = "attend_meetings", "S'inscrire aux rencontres de l'espace"
    MODERATE = "moderate_space", "Modérer l'espace (épingler, verrouiller, masquer)"
    INVITE = "invite_members", "Inviter des membres dans l'espace"
    REMOVE_MEMBERS = "remove_members", "Retirer des membres de l'espace"
    MANAGE_MEETINGS = "manage_meetings", "Gérer les rencontres de l'espace"
    EDIT = "edit_space", "Modifier l'espace"

    @property
    def full_codename(self):
        return f"spaces.{self.value}"


class Role(models.TextChoices):
    MEMBER = "member", "Membre"
    MODERATOR = "moderator", "Animateur·rice"
    OWNER = "owner", "Responsable"


_MEMBER = frozenset(
    {
        SpacePermission.VIEW,
        SpacePermission.POST,
        SpacePermission.UPLOAD,
        SpacePermission.ATTEND_MEETINGS,
    }
)
_MODERATOR = _MEMBER | {
    SpacePermission.MODERATE,
    SpacePermission.INVITE,
    SpacePermission.REMOVE_MEMBERS,
    SpacePermission.MANAGE_MEETINGS,
}
_OWNER = _MODERATOR | {SpacePermission.EDIT}

ROLE_PERMISSIONS: dict[str, frozenset[SpacePermission]] = {
    Role.MEMBER: _MEMBER,
    Role.MODERATOR: _MODERATOR,
    Role.OWNER: _OWNER,
}

ALL_PERMISSIONS = frozenset(SpacePermission)

# Order used to keep the higher role when two grants meet (e.g. an invitation for a member who
# is already moderator).
ROLE_RANK = {Role.MEMBER: 1, Role.MODERATOR: 2, Role.OWNER: 3}


def higher_role(a, b):
    return a if ROLE_RANK[a] >= ROLE_RANK[b] else b
