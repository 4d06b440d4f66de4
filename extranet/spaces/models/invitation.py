import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..roles import Role


def hash_token(token):
    """Tokens are stored as SHA-256 digests: a leaked table grants nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=settings.EXTRANET_INVITATION_DAYS)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "En attente"
    ACCEPTED = "accepted", "Acceptée"
    REVOKED = "revoked", "Annulée"
    EXPIRED = "expired", "Expirée"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An e-mailed invitation to join a space: single use, expiring, revocable.

    Only the hash of the token is stored; the clear token exists in the e-mail link alone.
    """

    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name="espace",
    )
    email = models.EmailField("adresse e-mail")
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField("empreinte du jeton", max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="invité·e par",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    expires_at = models.DateTimeField("expire le", default=default_expiry)
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="acceptée par",
    )
    revoked_at = models.DateTimeField("annulée le", null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = "invitation"
        verbose_name_plural = "invitations"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["space", "email"])]

    def __str__(self):
        return f"{self.email} → {self.space}"

    @property
    def status(self):
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    @property
    def is_pending(self):
        return self.status == InvitationStatus.PENDING
