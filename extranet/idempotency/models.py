"""The first answer to a creation, kept under the key its client sent (``keys.run_once``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class IdempotencyKey(models.Model):
    """One key of one user: what it was first sent with, and what it created.

    The unique constraint on ``(user, key)`` is what makes two concurrent retries create one
    thing: the row is inserted in the same transaction as what it records, so the second
    insert waits for the first transaction and then fails (``keys.run_once`` replays).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="compte"
    )
    key = models.CharField("clé", max_length=255)
    action = models.CharField("action", max_length=100)
    fingerprint = models.CharField("empreinte de la requête", max_length=64)
    result = models.JSONField("premier résultat", default=dict)
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "clé d'idempotence"
        verbose_name_plural = "clés d'idempotence"
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user")
        ]

    def __str__(self):
        return f"{self.action} ({self.key})"
