"""Guardian direct foreign-key permission models for spaces.

Direct foreign keys (rather than guardian's generic `object_pk` text column) let the
permission module join on integers and filter spaces in one indexed query.
"""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase


class SpaceUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, verbose_name="espace"
    )

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "permission d'un·e utilisateur·rice sur un espace"
        verbose_name_plural = "permissions des utilisateur·rice·s sur les espaces"
        indexes = [models.Index(fields=["user", "content_object"])]


class SpaceGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, verbose_name="espace"
    )

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = "permission d'un groupe sur un espace"
        verbose_name_plural = "permissions des groupes sur les espaces"
        indexes = [models.Index(fields=["group", "content_object"])]
