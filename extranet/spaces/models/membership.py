from django.conf import settings
from django.db import models
from django.utils import timezone

from extranet.versions import BumpOnSave

from ..roles import Role


class Membership(BumpOnSave, models.Model):
    """A user's place in a space. Its role decides the guardian permissions granted on the space.

    Saving or deleting a membership keeps the permissions in sync (`extranet.spaces.grants`,
    wired by signals so the Django admin and Wagtail snippets follow the same rule). Removal
    deletes the row: access ends on the very next request.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="space_memberships",
        verbose_name="membre",
    )
    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="espace",
    )
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField("membre depuis", default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="invité·e par",
    )
    version = models.PositiveBigIntegerField(
        "version",
        default=0,
        editable=False,
        help_text="Augmente quand le rôle, la date d'arrivée ou les lectures du membre dans "
        "l'espace changent (clé de « Mes espaces », voir extranet/versions.py).",
    )

    class Meta:
        verbose_name = "adhésion à un espace"
        verbose_name_plural = "adhésions aux espaces"
        ordering = ["space", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "space"], name="spaces_membership_unique"),
        ]
        indexes = [models.Index(fields=["space", "role"])]

    def __str__(self):
        return f"{self.user} – {self.space} ({self.get_role_display()})"
