"""Flags members raise on posts, and what moderators did about them.

A member flags a post once (``Flag``, unique per member and post); the flag stays *open* until
a moderator handles the post: hiding it, restoring it, or dismissing its flags. Every such
action is a ``ModerationAction`` row, the moderation part of the post's history (the edit
part is ``PostRevision``), which moderators and staff review on the post's history page.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class FlagReason(models.TextChoices):
    OFF_TOPIC = "off_topic", "Hors sujet"
    DISRESPECTFUL = "disrespectful", "Propos irrespectueux"
    PERSONAL_DATA = "personal_data", "Données personnelles"
    SPAM = "spam", "Spam"
    OTHER = "other", "Autre"


class FlagStatus(models.TextChoices):
    OPEN = "open", "À traiter"
    HANDLED = "handled", "Traité"


class Flag(models.Model):
    post = models.ForeignKey(
        "forum.Post", on_delete=models.CASCADE, related_name="flags", verbose_name="message"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_flags",
        verbose_name="signalé par",
    )
    reason = models.CharField("motif", max_length=20, choices=FlagReason.choices)
    details = models.CharField(
        "précisions",
        max_length=500,
        blank=True,
        help_text="Obligatoires pour le motif « Autre ».",
    )
    status = models.CharField(
        "état", max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    created_at = models.DateTimeField("signalé le", default=timezone.now)
    handled_at = models.DateTimeField("traité le", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="traité par",
    )

    class Meta:
        verbose_name = "signalement"
        verbose_name_plural = "signalements"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="forum_flag_once"),
        ]
        indexes = [models.Index(fields=["status", "post"], name="forum_flag_open")]

    def __str__(self):
        return f"{self.get_reason_display()} – {self.post}"


class ModerationKind(models.TextChoices):
    HIDE = "hide", "Masquage"
    RESTORE = "restore", "Rétablissement"
    DISMISS = "dismiss", "Signalements classés sans suite"


class ModerationAction(models.Model):
    """One moderator's decision on a post; ``flags_closed`` open flags it handled."""

    post = models.ForeignKey(
        "forum.Post",
        on_delete=models.CASCADE,
        related_name="moderation_actions",
        verbose_name="message",
    )
    kind = models.CharField("action", max_length=10, choices=ModerationKind.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    reason = models.CharField("motif", max_length=500, blank=True)
    flags_closed = models.PositiveIntegerField("signalements traités", default=0)
    created_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        verbose_name = "action de modération"
        verbose_name_plural = "actions de modération"
        ordering = ["post", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} du {self.created_at:%d/%m/%Y %H:%M}"
