"""Subscribers of the Flash Info and the sends (mailings) of newsletter issues.

- ``Subscriber``: one row per address (stored lower-case, unique). Only ``confirmed``
  subscribers receive anything but the confirmation e-mail; ``unsubscribed`` ones are kept
  (without them, a replayed confirmation link could subscribe them again) and may subscribe
  again through the double opt-in. The ``token`` is the secret of the confirmation and
  unsubscribe links: long, random, one per address.
- ``Mailing``: one send of one issue, at most one per issue (sending the same Flash Info twice
  is a mistake the model refuses). Its counters are the progress the admin shows.
- ``Delivery``: one row per recipient of a mailing, written when the send is queued (the list
  is fixed then): the send log, and what makes a batch safe to run twice (only ``pending``
  rows are sent).
"""

import secrets

from django.conf import settings
from django.db import models


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "en attente de confirmation"
        CONFIRMED = "confirmed", "abonné·e"
        UNSUBSCRIBED = "unsubscribed", "désabonné·e"

    email = models.EmailField("adresse électronique", unique=True)
    status = models.CharField(
        "état", max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("inscription", auto_now_add=True)
    confirmation_sent_at = models.DateTimeField("confirmation envoyée le", null=True, blank=True)
    confirmed_at = models.DateTimeField("confirmation", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscription", null=True, blank=True)

    class Meta:
        verbose_name = "abonné·e au Flash Info"
        verbose_name_plural = "abonné·e·s au Flash Info"
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


class Mailing(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "en file d'attente"
        SENDING = "sending", "en cours d'envoi"
        DONE = "done", "envoyé"

    issue = models.OneToOneField(
        "cms.NewsletterIssuePage",
        verbose_name="Flash Info",
        on_delete=models.PROTECT,
        related_name="mailing",
    )
    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.QUEUED)
    subject = models.CharField("objet", max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="envoyé par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    recipient_count = models.PositiveIntegerField("destinataires", default=0)
    sent_count = models.PositiveIntegerField("envoyés", default=0)
    failed_count = models.PositiveIntegerField("échecs", default=0)
    skipped_count = models.PositiveIntegerField("ignorés (désabonné·e·s entre-temps)", default=0)

    class Meta:
        verbose_name = "envoi du Flash Info"
        verbose_name_plural = "envois du Flash Info"
        ordering = ["-created_at"]
        permissions = [("send_mailing", "Peut envoyer le Flash Info aux abonné·e·s")]

    def __str__(self):
        return self.subject

    @property
    def done_count(self):
        return self.sent_count + self.failed_count + self.skipped_count

    @property
    def progress_percent(self):
        if not self.recipient_count:
            return 100
        return round(100 * self.done_count / self.recipient_count)


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "à envoyer"
        SENT = "sent", "envoyé"
        FAILED = "failed", "échec"
        SKIPPED = "skipped", "ignoré (désabonné·e)"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField("adresse")
    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.PENDING)
    error = models.TextField("erreur", blank=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "envoi à un·e abonné·e"
        verbose_name_plural = "journal d'envoi"
        constraints = [
            models.UniqueConstraint(fields=["mailing", "email"], name="newsletter_delivery_once")
        ]
        indexes = [models.Index(fields=["mailing", "status"], name="newsletter_delivery_todo")]

    def __str__(self):
        return f"{self.email} ({self.get_status_display()})"
