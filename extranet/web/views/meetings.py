"""Meetings ("rencontres") of a space: list, detail with sign-up, organising (moderators)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.documents.models import Document
from extranet.meetings import permissions as meeting_permissions
from extranet.meetings import services as meeting_services

from ..access import space_view
from ..forms import MeetingForm, add_service_errors
from ..paging import paginate
from .common import space_context, space_url

PAST_MEETINGS_PER_PAGE = 20


def next_meeting(space):
    """The space's next meeting for its home page (one query; `space_view` checked access)."""
    return meeting_services.next_meeting(space)


def get_meeting(user, space, pk):
    meeting = meeting_services.meetings_for(user, space).filter(pk=pk).first()
    if meeting is None:
        raise Http404(meeting_permissions.MEETING_NOT_FOUND)
    meeting.space = space
    meeting_permissions.check_view_meeting(user, meeting)
    return meeting


def _annotate_actions(user, meetings, space):
    for meeting in meetings:
        meeting.space = space
        meeting.can_sign_up = not meeting.is_registered and meeting_permissions.can_sign_up(
            user, meeting
        )
        meeting.can_cancel = meeting.is_registered and (
            meeting_permissions.can_cancel_registration(user, meeting)
        )
        meeting.is_full = meeting_permissions.is_full(meeting)
    return meetings


@space_view
def meeting_list(request, space, access):
    """Upcoming meetings (with sign-up) then past ones, paginated, with participant counts."""
    user = request.user
    meetings = meeting_services.meetings_for(user, space)
    upcoming = _annotate_actions(user, list(meetings.upcoming().order_by("starts_at", "pk")), space)
    past = paginate(request, meetings.past().order_by("-starts_at", "-pk"), PAST_MEETINGS_PER_PAGE)
    context = space_context(
        space,
        access,
        "meetings",
        [("Rencontres", None)],
        upcoming=upcoming,
        page=past,
        can_create=meeting_permissions.can_create_meeting(user, space),
    )
    return render(request, "extranet/meetings/meeting_list.html", context)


@space_view
def meeting_detail(request, space, access, pk):
    user = request.user
    meeting = get_meeting(user, space, pk)
    _annotate_actions(user, [meeting], space)
    context = space_context(
        space,
        access,
        "meetings",
        [("Rencontres", space_url("meeting_list", space)), (meeting.title, None)],
        meeting=meeting,
        participants=meeting_services.participants(meeting),
        documents=meeting.documents.select_related("current_version").order_by("title"),
        can_manage=meeting_permissions.can_manage_meeting(user, meeting),
        can_record_attendance=meeting_permissions.can_record_attendance(user, meeting),
        attendees=list(meeting_services.attendees(meeting))
        if meeting.attendance_is_recorded
        else [],
    )
    return render(request, "extranet/meetings/meeting_detail.html", context)


def _meeting_form_page(request, space, access, form, meeting=None):
    trail = [("Rencontres", space_url("meeting_list", space))]
    if meeting is not None:
        trail += [
            (meeting.title, space_url("meeting_detail", space, pk=meeting.pk)),
            ("Modifier", None),
        ]
    else:
        trail.append(("Nouvelle rencontre", None))
    context = space_context(space, access, "meetings", trail, form=form, meeting=meeting)
    return render(request, "extranet/meetings/meeting_form.html", context)


def _space_documents(space):
    return Document.objects.filter(space=space).order_by("title")


@space_view
def meeting_create(request, space, access):
    meeting_permissions.check_create_meeting(request.user, space)
    form = MeetingForm(request.POST or None, documents=_space_documents(space))
    if request.method == "POST" and form.is_valid():
        fields, documents = form.meeting_fields()
        try:
            meeting = meeting_services.create_meeting(
                space, request.user, documents=documents or (), **fields
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"La rencontre « {meeting.title} » est programmée.")
            return redirect(space_url("meeting_detail", space, pk=meeting.pk))
    return _meeting_form_page(request, space, access, form)


@space_view
def meeting_edit(request, space, access, pk):
    meeting = get_meeting(request.user, space, pk)
    meeting_permissions.check_manage_meeting(request.user, meeting)
    initial = {field: getattr(meeting, field) for field in meeting_services.EDITABLE_FIELDS}
    initial["documents"] = list(meeting.documents.values_list("pk", flat=True))
    form = MeetingForm(request.POST or None, initial=initial, documents=_space_documents(space))
    if request.method == "POST" and form.is_valid():
        fields, documents = form.meeting_fields()
        try:
            meeting_services.update_meeting(meeting, request.user, documents=documents, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La rencontre a été modifiée.")
            return redirect(space_url("meeting_detail", space, pk=meeting.pk))
    return _meeting_form_page(request, space, access, form, meeting)


@space_view
def meeting_delete(request, space, access, pk):
    meeting = get_meeting(request.user, space, pk)
    meeting_permissions.check_manage_meeting(request.user, meeting)
    if request.method == "POST":
        meeting_services.delete_meeting(meeting, request.user)
        messages.success(request, f"La rencontre « {meeting.title} » a été supprimée.")
        return redirect(space_url("meeting_list", space))
    trail = [
        ("Rencontres", space_url("meeting_list", space)),
        (meeting.title, space_url("meeting_detail", space, pk=meeting.pk)),
        ("Supprimer", None),
    ]
    context = space_context(space, access, "meetings", trail, meeting=meeting)
    return render(request, "extranet/meetings/meeting_delete.html", context)


@space_view
@require_POST
def meeting_sign_up(request, space, access, pk):
    meeting = get_meeting(request.user, space, pk)
    try:
        meeting_services.sign_up(meeting, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Vous êtes inscrit·e à « {meeting.title} ».")
    return redirect(space_url("meeting_detail", space, pk=meeting.pk))


@space_view
@require_POST
def meeting_cancel(request, space, access, pk):
    meeting = get_meeting(request.user, space, pk)
    try:
        removed = meeting_services.cancel_registration(meeting, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if removed:
            messages.success(request, f"Votre inscription à « {meeting.title} » est annulée.")
        else:
            messages.info(request, f"Vous n'étiez pas inscrit·e à « {meeting.title} ».")
    return redirect(space_url("meeting_detail", space, pk=meeting.pk))
