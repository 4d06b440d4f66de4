"""Who may see, organise and sign up to meetings.

Space questions go to ``extranet.spaces.permissions``:
- members who see the space see its meetings and who signs up;
- organising (create, change, delete) is the space's "manage meetings" right (moderators);
- signing up needs the "attend meetings" right, a meeting not yet started and a free place;
  cancelling one's registration, a meeting not yet started;
- recording attendance is organising (moderators), once the meeting has started (nobody can
  have come to a meeting that has not begun).
"""

from django.core.exceptions import ValidationError
from django.http import Http404

from extranet.spaces import permissions as space_permissions

from .models import Meeting

MEETING_NOT_FOUND = "Rencontre introuvable."
ALREADY_STARTED = "Cette rencontre a déjà commencé ou est passée : les inscriptions sont closes."
FULL = "Cette rencontre est complète : il n'y a plus de place disponible."
NOT_STARTED = "Cette rencontre n'a pas encore commencé : les présences se relèvent ensuite."


def can_view_meeting(user, meeting: Meeting) -> bool:
    return space_permissions.can_view_space(user, meeting.space)


def can_create_meeting(user, space) -> bool:
    return space_permissions.can_manage_meetings(user, space)


def can_manage_meeting(user, meeting: Meeting) -> bool:
    return space_permissions.can_manage_meetings(user, meeting.space)


def is_full(meeting: Meeting) -> bool:
    if meeting.capacity is None:
        return False
    count = getattr(meeting, "participant_count", None)
    if count is None:
        count = meeting.registrations.count()
    return count >= meeting.capacity


def can_sign_up(user, meeting: Meeting) -> bool:
    return (
        space_permissions.can_attend_meetings(user, meeting.space)
        and not meeting.has_started()
        and not is_full(meeting)
    )


def can_cancel_registration(user, meeting: Meeting) -> bool:
    return can_view_meeting(user, meeting) and not meeting.has_started()


def can_record_attendance(user, meeting: Meeting) -> bool:
    return can_manage_meeting(user, meeting) and meeting.has_started()


def check_view_meeting(user, meeting: Meeting) -> None:
    if not can_view_meeting(user, meeting):
        raise Http404(MEETING_NOT_FOUND)


def check_create_meeting(user, space) -> None:
    space_permissions.check_manage_meetings(user, space)


def check_manage_meeting(user, meeting: Meeting) -> None:
    space_permissions.check_manage_meetings(user, meeting.space)


def check_sign_up(user, meeting: Meeting) -> None:
    """404 for non-members, 403 when the space is archived, ``ValidationError`` (French) when
    the meeting has started or is full."""
    space_permissions.check_attend_meetings(user, meeting.space)
    if meeting.has_started():
        raise ValidationError(ALREADY_STARTED, code="started")
    if is_full(meeting):
        raise ValidationError(FULL, code="full")


def check_cancel_registration(user, meeting: Meeting) -> None:
    check_view_meeting(user, meeting)
    if meeting.has_started():
        raise ValidationError(
            "Cette rencontre a déjà commencé ou est passée : l'inscription ne peut plus être "
            "annulée.",
            code="started",
        )


def check_record_attendance(user, meeting: Meeting) -> None:
    """404/403 as for organising, then a French ``ValidationError`` before the meeting."""
    check_manage_meeting(user, meeting)
    if not meeting.has_started():
        raise ValidationError(NOT_STARTED, code="not_started")


def filter_meetings_queryset(user, queryset=None):
    if queryset is None:
        queryset = Meeting.objects.all()
    return queryset.filter(space__in=space_permissions.filter_spaces_queryset(user).values("pk"))
