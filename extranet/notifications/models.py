"""Per-space e-mail settings of each member, and the record of digests sent.

A member without a ``SpaceSubscription`` row for a space has the defaults (``DEFAULT_LEVEL``,
``DEFAULT_DIGEST_FREQUENCY``): rows exist only for those who changed something.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class NotificationLevel(models.TextChoices):
    ALL = "all", "Tous les nouveaux sujets et réponses"
    MENTIONS = "mentions", "Seulement quand on me mentionne"
    NONE = "none", "Aucun e-mail"


class DigestFrequency(models.TextChoices):
    NONE = "none", "Jamais"
    DAILY = "daily", "Chaque jour"
    WEEKLY = "weekly", "Chaque semaine"
    MONTHLY = "monthly", "Chaque mois (la veille du réseau)"


DEFAULT_LEVEL = NotificationLevel.ALL
DEFAULT_DIGEST_FREQUENCY = DigestFrequency.MONTHLY


class SpaceSubscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="space_subscriptions",
        verbose_name="membre",
    )
    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name="espace",
    )
    level = models.CharField(
        "e-mails immédiats",
        max_length=10,
        choices=NotificationLevel.choices,
        default=DEFAULT_LEVEL,
    )
    digest_frequency = models.CharField(
        "récapitulatif",
        max_length=10,
        choices=DigestFrequency.choices,
        default=DEFAULT_DIGEST_FREQUENCY,
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "abonnement à un espace"
        verbose_name_plural = "abonnements aux espaces"
        ordering = ["user", "space"]
        constraints = [
            models.UniqueConstraint(fields=["user", "space"], name="notifications_subscription"),
        ]

    def __str__(self):
        return f"{self.user} – {self.space} ({self.get_level_display()})"


class DigestDelivery(models.Model):
    """One digest sent to one member for one period: re-running the command sends nothing twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_deliveries",
        verbose_name="membre",
    )
    frequency = models.CharField("fréquence", max_length=10, choices=DigestFrequency.choices)
    period_start = models.DateTimeField("début de la période")
    period_end = models.DateTimeField("fin de la période")
    sent_at = models.DateTimeField("envoyé le", default=timezone.now)

    class Meta:
        verbose_name = "récapitulatif envoyé"
        verbose_name_plural = "récapitulatifs envoyés"
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period_start"], name="notifications_digest_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_frequency_display()} du {self.period_start:%d/%m/%Y}"
