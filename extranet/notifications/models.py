"""Per-space e-mail settings of each member, and the record of digests sent.

A member without a ``SpaceSubscription`` row for a space has the defaults (``DEFAULT_LEVEL``,
``DEFAULT_DIGEST_FREQUENCY``): rows exist only for those who changed something.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class NotificationLevel(models.TextChoices):
    """How closely a member follows a space, or one topic (``recipients`` says what each
    level brings). A topic's level, when the member set one, wins over the space's."""

    WATCHING = "watching", "Tout suivre : chaque nouveau sujet et chaque réponse"
    NORMAL = "normal", "Normal : nouveaux sujets, mentions et sujets auxquels je participe"
    MUTED = "muted", "Silence : aucune notification, même pas les mentions"


TOPIC_LEVEL_LABELS = {
    NotificationLevel.WATCHING: "Suivre : chaque réponse",
    NotificationLevel.NORMAL: "Normal : seulement quand on me mentionne",
    NotificationLevel.MUTED: "Silence : aucune notification",
}


class DigestFrequency(models.TextChoices):
    NONE = "none", "Jamais"
    DAILY = "daily", "Chaque jour"
    WEEKLY = "weekly", "Chaque semaine"
    MONTHLY = "monthly", "Chaque mois (la veille du réseau)"


DEFAULT_LEVEL = NotificationLevel.NORMAL
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
        "notifications",
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


class TopicSubscription(models.Model):
    """A member's own level for one topic ("suivre", "normal", "silence"). Rows exist only
    for topics where the member chose; otherwise the space's level and their participation
    decide (``recipients``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_subscriptions",
        verbose_name="membre",
    )
    topic = models.ForeignKey(
        "forum.Topic",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name="sujet",
    )
    level = models.CharField("notifications", max_length=10, choices=NotificationLevel.choices)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "abonnement à un sujet"
        verbose_name_plural = "abonnements aux sujets"
        ordering = ["user", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="notifications_topic_level"),
        ]

    def __str__(self):
        return f"{self.user} – {self.topic} ({self.get_level_display()})"


class NotificationKind(models.TextChoices):
    NEW_TOPIC = "new_topic", "Nouveau sujet"
    REPLY = "reply", "Réponse"
    MENTION = "mention", "Mention"
    # For the space's moderators: the post entered the moderation queue (``flags``).
    FLAG = "flag", "Signalement"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One entry of a member's in-app list: a post that concerned them, and why.

    Made by the same decision as the e-mail (``recipients``, when the task runs), once per
    member and post (a retried task adds nothing). Whether the member may still see the post
    is asked again when the list is shown: a post hidden since, or a space left, disappears
    from the list.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name="membre",
    )
    post = models.ForeignKey(
        "forum.Post", on_delete=models.CASCADE, related_name="+", verbose_name="message"
    )
    kind = models.CharField("nature", max_length=10, choices=NotificationKind.choices)
    created_at = models.DateTimeField("date", default=timezone.now)
    read_at = models.DateTimeField("lue le", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "notification"
        verbose_name_plural = "notifications"
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Once per member, post and kind: a moderator who got the reply also gets the
            # flag of that post.
            models.UniqueConstraint(
                fields=["user", "post", "kind"], name="notifications_once_per_post_and_kind"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notifications_unread"),
            models.Index(fields=["user", "-created_at"], name="notifications_list"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} pour {self.user}"
