"""Meetings ("rencontres") of a network's space, who signed up and who came.

The activity reports count rencontres and participations. After a meeting, a moderator records
its attendance (``Meeting.participations_expression`` is the one rule that turns it into a
figure):
- who came, as ``Attendance`` rows (the form is pre-filled from the sign-ups), or
- for a meeting held elsewhere (a departmental meeting, a visit on site), a participation count
  (``participation_count``), when the people who came are not all members of the space.
Until attendance is recorded, the sign-ups stand in for it, and the report says how many
meetings still wait for their attendance.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone


class MeetingQuerySet(models.QuerySet):
    def with_participant_count(self):
        """Annotate ``participant_count`` (a correlated subquery: no query per meeting, and
        exact even when the queryset is itself filtered through registrations)."""
        counts = (
            Registration.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(participant_count=Coalesce(Subquery(counts), 0))

    def with_participations(self):
        """Annotate ``participations``: the meeting's figure in the activity report.

        One rule (see the module docstring): the participation count when one was recorded,
        else the recorded attendees when attendance was taken, else the sign-ups. Correlated
        subqueries: one query whatever the number of meetings.
        """
        attendees = (
            Attendance.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        registrations = (
            Registration.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            participations=Case(
                When(participation_count__isnull=False, then=F("participation_count")),
                When(
                    attendance_recorded_at__isnull=False,
                    then=Coalesce(Subquery(attendees), 0),
                ),
                default=Coalesce(Subquery(registrations), 0),
                output_field=models.PositiveIntegerField(),
            )
        )

    def upcoming(self, now=None):
        """Not over yet (a meeting in progress is still listed)."""
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())


class Meeting(models.Model):
    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="meetings", verbose_name="espace"
    )
    title = models.CharField("titre", max_length=200)
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    place = models.CharField(
        "lieu",
        max_length=255,
        blank=True,
        help_text="Adresse, ou vide pour une rencontre en ligne.",
    )
    online_url = models.URLField(
        "lien de la visioconférence",
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    agenda = models.TextField("ordre du jour", blank=True, help_text="Texte nettoyé (HTML sûr).")
    documents = models.ManyToManyField(
        "documents_extranet.Document",
        blank=True,
        related_name="meetings",
        verbose_name="documents",
    )
    capacity = models.PositiveIntegerField(
        "nombre de places",
        null=True,
        blank=True,
        help_text="Vide : pas de limite.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créée par",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    attendance_recorded_at = models.DateTimeField(
        "présences relevées le",
        null=True,
        blank=True,
        help_text="Vide tant que personne n'a relevé les présences de la rencontre.",
    )
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="présences relevées par",
    )
    participation_count = models.PositiveIntegerField(
        "nombre de participations",
        null=True,
        blank=True,
        help_text="Pour une rencontre tenue ailleurs, sans liste des présent·e·s : le nombre de "
        "participations. Vide quand les présent·e·s sont relevé·e·s un·e à un·e.",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "rencontre"
        verbose_name_plural = "rencontres"
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["space", "starts_at"], name="meetings_space_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meetings_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="meetings_capacity_positive",
            ),
            # A participation count is a way of recording attendance, never a forecast.
            models.CheckConstraint(
                condition=Q(participation_count__isnull=True)
                | Q(attendance_recorded_at__isnull=False),
                name="meetings_count_is_recorded",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("extranet:meeting_detail", kwargs={"slug": self.space.slug, "pk": self.pk})

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "La fin doit être postérieure au début."
        if not self.place.strip() and not self.online_url:
            errors["place"] = "Indiquez un lieu ou un lien de visioconférence."
        if self.capacity == 0:
            errors["capacity"] = "Le nombre de places doit être positif (vide : sans limite)."
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return bool(self.online_url)

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    @property
    def attendance_is_recorded(self):
        return self.attendance_recorded_at is not None


class Registration(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations", verbose_name="rencontre"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
        verbose_name="participant·e",
    )
    created_at = models.DateTimeField("inscrit·e le", default=timezone.now)

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["meeting", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="meetings_registration_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.meeting}"


class Attendance(models.Model):
    """Someone who came to a meeting, as recorded by a moderator afterwards.

    The row outlives the person's account (``user`` set to null): the year's participations
    must not shrink when a member deletes their account.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name="rencontre"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_attendances",
        verbose_name="présent·e",
    )

    class Meta:
        verbose_name = "présence"
        verbose_name_plural = "présences"
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="meetings_attendance_unique"),
        ]

    def __str__(self):
        return f"{self.user or 'compte supprimé'} présent·e à {self.meeting}"
