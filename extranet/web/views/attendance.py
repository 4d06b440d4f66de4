"""Recording a meeting's attendance (moderators, once the meeting has started).

Two ways, one form: tick who came (the boxes start from the sign-ups, or from the previous
record), or, for a meeting held elsewhere with people who are not all on the extranet, give the
number of participations. The rules live in ``extranet.meetings`` (permissions and services);
this page only collects the choice.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from extranet.meetings import permissions as meeting_permissions
from extranet.meetings import services as meeting_services

from ..access import space_view
from ..forms import add_service_errors
from .common import space_context, space_url
from .meetings import get_meeting

BY_LIST = "liste"
BY_COUNT = "nombre"


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.email
        return f"{name} – {user.organisation}" if user.organisation else name


class AttendanceForm(forms.Form):
    mode = forms.ChoiceField(
        label="Comment relever les présences",
        choices=[
            (BY_LIST, "Cocher les présent·e·s"),
            (BY_COUNT, "Indiquer un nombre de participations (rencontre tenue ailleurs)"),
        ],
        widget=forms.RadioSelect,
        initial=BY_LIST,
    )
    attendees = PersonChoiceField(
        label="Présent·e·s",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les inscrit·e·s sont pré-coché·e·s : décochez les absent·e·s, cochez les "
        "membres venu·e·s sans s'inscrire.",
    )
    participation_count = forms.IntegerField(
        label="Nombre de participations",
        min_value=0,
        required=False,
        help_text="Pour une rencontre tenue ailleurs, quand les participant·e·s ne sont pas "
        "tou·te·s membres de l'espace.",
        error_messages={"min_value": "Le nombre de participations doit être un entier positif."},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = meeting_services.attendance_candidates(meeting)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == BY_COUNT and cleaned.get("participation_count") is None:
            self.add_error("participation_count", "Indiquez le nombre de participations.")
        return cleaned

    def record(self):
        """Keyword arguments for ``meetings.services.record_attendance``."""
        if self.cleaned_data["mode"] == BY_COUNT:
            return {"count": self.cleaned_data["participation_count"]}
        return {"attendees": list(self.cleaned_data["attendees"])}


def _initial(meeting):
    if meeting.participation_count is not None:
        return {"mode": BY_COUNT, "participation_count": meeting.participation_count}
    return {"mode": BY_LIST, "attendees": meeting_services.attendance_initial(meeting)}


@space_view
def meeting_attendance(request, space, access, pk):
    meeting = get_meeting(request.user, space, pk)
    meeting_permissions.check_manage_meeting(request.user, meeting)
    detail = space_url("meeting_detail", space, pk=meeting.pk)
    if not meeting.has_started():
        messages.info(request, meeting_permissions.NOT_STARTED)
        return redirect(detail)
    form = AttendanceForm(request.POST or None, meeting=meeting, initial=_initial(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            recorded = meeting_services.record_attendance(meeting, request.user, **form.record())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            figure = (
                recorded.participation_count
                if recorded.participation_count is not None
                else recorded.attendances.count()
            )
            messages.success(
                request, f"Présences enregistrées : {figure} participation{'s' * (figure > 1)}."
            )
            return redirect(detail)
    trail = [
        ("Rencontres", space_url("meeting_list", space)),
        (meeting.title, detail),
        ("Présences", None),
    ]
    context = space_context(space, access, "meetings", trail, form=form, meeting=meeting)
    return render(request, "extranet/meetings/meeting_attendance.html", context)
