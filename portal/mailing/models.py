from django.db import models
from django.utils import timezone


class SentEmail(models.Model):
    """One message accepted by the mail server, by key (e.g. ``post:12:user:34``): a task run
    again after a failure, a retry or a worker's crash skips who was already served."""

    key = models.CharField("clé", max_length=200, unique=True)
    sent_at = models.DateTimeField("envoyé le", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "e-mail envoyé"
        verbose_name_plural = "e-mails envoyés"

    def __str__(self):
        return self.key
