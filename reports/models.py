"""What the activity report needs beyond the portal's own records.

- ``ActivityReportAccess`` carries the dedicated permission (``reports.view_activity_report``)
  and nothing else: no table, like Wagtail's own ``Admin`` model for ``access_admin``.
- ``MembershipDeparture`` remembers that a membership existed: a removal deletes the
  membership row (access must end on the next request), but "members at year end" for a past
  year must still count whoever was there then. Counts only: no user, just the dates and role.
"""

from django.db import models

from extranet.spaces.roles import Role


class ActivityReportAccess(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_activity_report", "Consulter le bilan d'activité")]
        verbose_name = "bilan d'activité"

    def __str__(self):
        return "Bilan d'activité"


class MembershipDeparture(models.Model):
    """A membership that ended (removed, left, or its account deleted).

    ``space_id`` is a plain integer, not a foreign key: when a space itself is deleted, its
    memberships are deleted first, and a row pointing at the space being deleted would break
    the transaction. Rows of deleted spaces are simply never asked for.
    """

    space_id = models.PositiveBigIntegerField("espace (identifiant)", db_index=True)
    role = models.CharField("rôle", max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField("membre depuis")
    left_at = models.DateTimeField("départ le")

    class Meta:
        verbose_name = "départ d'un espace"
        verbose_name_plural = "départs des espaces"
        ordering = ["space_id", "left_at"]

    def __str__(self):
        return f"Départ de l'espace n°{self.space_id} le {self.left_at:%d/%m/%Y}"
