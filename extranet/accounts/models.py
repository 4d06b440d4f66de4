"""The portal's user: staff of R&T and network members alike, logging in with their e-mail."""

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone

from .managers import UserManager


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("adresse e-mail", unique=True)
    first_name = models.CharField("prénom", max_length=150, blank=True)
    last_name = models.CharField("nom", max_length=150, blank=True)
    # Profile shown in the member directories of the spaces the user belongs to.
    organisation = models.CharField("structure", max_length=200, blank=True)
    job_title = models.CharField("fonction", max_length=200, blank=True)
    territory = models.ForeignKey(
        "cms.Territory",
        verbose_name="territoire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le territoire où la personne exerce (commune, intercommunalité, département…).",
    )
    is_staff = models.BooleanField(
        "équipe R&T",
        default=False,
        help_text="Peut se connecter à l'administration du site.",
    )
    is_active = models.BooleanField(
        "actif",
        default=True,
        help_text="Décocher plutôt que supprimer : l'accès est coupé dès la requête suivante.",
    )
    date_joined = models.DateTimeField("inscrit le", default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = "utilisateur·rice"
        verbose_name_plural = "utilisateur·rice·s"
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email.split("@")[0]
