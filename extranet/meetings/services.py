"""Organising meetings and signing up. Views and the API call these, never the ORM directly.

Sign-up takes a row lock on the meeting so the last places cannot be over-booked by members
signing up at the same moment.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone

from extranet.forum.sanitize import clean_html

from . import permissions
from .models import Attendance, Meeting, Registration

EDITABLE_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url", "agenda", "capacity")


def _lock(pk):
    """Lock the meeting row only (not its space); 404 if it was deleted meanwhile."""
    try:
        return Meeting.objects.select_related("space").select_for_update(of=("self",)).get(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404(permissions.MEETING_NOT_FOUND) from None


def _apply(meeting, fields, documents):
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Champs inconnus : {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if name == "agenda":
            value = clean_html(value or "")
        elif name in ("title", "place"):
            value = " ".join(str(value or "").split())
        elif name == "online_url":
            value = str(value or "").strip()
        setattr(meeting, name, value)
    if not meeting.title:
        raise ValidationError({"title": "Le titre est obligatoire."})
    meeting.full_clean(exclude=["space", "created_by", "documents"])
    if documents is not None:
        foreign = [doc for doc in documents if doc.space_id != meeting.space_id]
        if foreign:
            raise ValidationError(
                {"documents": "Les documents joints doivent appartenir à l'espace de la rencontre."}
            )


def create_meeting(space, by, *, documents=(), **fields) -> Meeting:
    """Create a meeting; ``fields`` among ``EDITABLE_FIELDS`` (title, starts_at and ends_at
    required; a place or an online URL)."""
    permissions.check_create_meeting(by, space)
    meeting = Meeting(space=space, created_by=by)
    _apply(meeting, fields, documents)
    with transaction.atomic():
        meeting.save()
        meeting.documents.set(documents)
    return meeting


def update_meeting(meeting, by, *, documents=None, **fields) -> Meeting:
    permissions.check_manage_meeting(by, meeting)
    with transaction.atomic():
        locked = _lock(meeting.pk)
        _apply(locked, fields, documents)
        registered = locked.registrations.count()
        if locked.capacity is not None and locked.capacity < registered:
            raise ValidationError(
                {
                    "capacity": f"Déjà {registered} inscrit·e·s : le nombre de places ne peut "
                    "pas être inférieur."
                }
            )
        locked.save()
        if documents is not None:
            locked.documents.set(documents)
    return locked


def delete_meeting(meeting, by) -> None:
    permissions.check_manage_meeting(by, meeting)
    meeting.delete()


def sign_up(meeting, user) -> Registration:
    """Register ``user``; signing up twice returns the existing registration.

    Refused with ``Http404`` for non-members, ``PermissionDenied`` in an archived space and a
    French ``ValidationError`` when the meeting has started or is full.
    """
    with transaction.atomic():
        locked = _lock(meeting.pk)
        permissions.check_view_meeting(user, locked)
        existing = Registration.objects.filter(meeting=locked, user=user).first()
        if existing is not None:
            return existing
        permissions.check_sign_up(user, locked)
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    meeting=locked, user=user, created_at=timezone.now()
                )
        except IntegrityError:  # same member, two tabs: the first one won
            return Registration.objects.get(meeting=locked, user=user)


def cancel_registration(meeting, user) -> bool:
    """Withdraw before the meeting starts; returns whether a registration was removed."""
    permissions.check_cancel_registration(user, meeting)
    deleted, _ = Registration.objects.filter(meeting=meeting, user=user).delete()
    return bool(deleted)


def next_meeting(space, now=None):
    """The space's next meeting not yet over (with ``participant_count``), or None.
    Callers have checked the user may see the space."""
    return (
        Meeting.objects.filter(space=space)
        .upcoming(now)
        .with_participant_count()
        .order_by("starts_at", "pk")
        .first()
    )


def meetings_for(user, space=None):
    """Meetings ``user`` may see (optionally of one space), with ``participant_count`` and
    ``is_registered`` annotated: constant queries whatever their number."""
    queryset = permissions.filter_meetings_queryset(user).with_participant_count()
    if space is not None:
        queryset = queryset.filter(space=space)
    mine = Registration.objects.filter(meeting=OuterRef("pk"), user_id=getattr(user, "pk", None))
    return queryset.annotate(is_registered=Exists(mine)).select_related("space")


def participants(meeting):
    """Who signed up, in sign-up order (callers have checked ``can_view_meeting``)."""
    return (
        get_user_model()
        .objects.filter(meeting_registrations__meeting=meeting)
        .order_by("meeting_registrations__created_at")
    )


def attendance_candidates(meeting):
    """Who may be recorded as present: the space's members and whoever signed up (a member who
    signed up and left the space since still came). Callers have checked the right to record."""
    User = get_user_model()
    return (
        User.objects.filter(
            Exists(Registration.objects.filter(meeting=meeting, user=OuterRef("pk")))
            | Exists(meeting.space.memberships.filter(user=OuterRef("pk")))
            | Exists(Attendance.objects.filter(meeting=meeting, user=OuterRef("pk")))
        )
        .order_by("last_name", "first_name", "email")
        .distinct()
    )


def attendance_initial(meeting) -> list[int]:
    """Ids the attendance form starts from: who was recorded present, or before any record,
    who signed up (most of them came: the moderator unticks the absent)."""
    if meeting.attendance_is_recorded and meeting.participation_count is None:
        rows = Attendance.objects.filter(meeting=meeting, user__isnull=False)
    else:
        rows = Registration.objects.filter(meeting=meeting)
    return list(rows.values_list("user_id", flat=True))


def record_attendance(meeting, by, *, attendees=None, count=None) -> Meeting:
    """Record who came (``attendees``, users among ``attendance_candidates``) or, for a meeting
    held elsewhere, how many came (``count``): exactly one of the two. Recording again replaces
    the previous record, whichever its kind.
    """
    if (attendees is None) == (count is None):
        raise TypeError("Indiquez soit les présent·e·s, soit un nombre de participations.")
    if count is not None and (not isinstance(count, int) or count < 0):
        raise ValidationError(
            {"participation_count": "Le nombre de participations doit être un entier positif."}
        )
    with transaction.atomic():
        locked = _lock(meeting.pk)
        permissions.check_record_attendance(by, locked)
        if attendees is not None:
            wanted = {user.pk for user in attendees}
            allowed = set(
                attendance_candidates(locked).filter(pk__in=wanted).values_list("pk", flat=True)
            )
            if wanted - allowed:
                raise ValidationError(
                    {
                        "attendees": "Seuls les membres de l'espace et les inscrit·e·s peuvent "
                        "être relevé·e·s présent·e·s."
                    }
                )
        Attendance.objects.filter(meeting=locked).delete()
        if attendees is not None:
            Attendance.objects.bulk_create(
                [Attendance(meeting=locked, user_id=pk) for pk in sorted(wanted)]
            )
        locked.participation_count = count
        locked.attendance_recorded_at = timezone.now()
        locked.attendance_recorded_by = by
        locked.save(
            update_fields=[
                "participation_count",
                "attendance_recorded_at",
                "attendance_recorded_by",
            ]
        )
    return locked


def attendees(meeting):
    """Who was recorded present (callers have checked ``can_view_meeting``)."""
    return (
        get_user_model()
        .objects.filter(meeting_attendances__meeting=meeting)
        .order_by("last_name", "first_name", "email")
    )
