"""Django admin for staff: review meetings, their registrations and their attendance."""

from django.contrib import admin
from django.db import models

from .models import Attendance, Meeting, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ("user",)
    readonly_fields = ("created_at",)


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "space",
        "starts_at",
        "place",
        "capacity",
        "participants",
        "participations",
    )
    list_filter = ("space",)
    search_fields = ("title", "place")
    date_hierarchy = "starts_at"
    list_select_related = ("space",)
    raw_id_fields = ("created_by", "attendance_recorded_by")
    filter_horizontal = ("documents",)
    inlines = [RegistrationInline, AttendanceInline]
    # A link typed without scheme is a visio link: https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).with_participant_count().with_participations()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Only documents of the meeting's own space can be attached.
        if db_field.name == "documents":
            from extranet.documents.models import Document

            object_id = str(request.resolver_match.kwargs.get("object_id") or "")
            meeting = Meeting.objects.filter(pk=object_id).first() if object_id.isdigit() else None
            kwargs["queryset"] = Document.objects.filter(
                space_id=meeting.space_id if meeting else None
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="inscrit·e·s", ordering="participant_count")
    def participants(self, meeting):
        return meeting.participant_count

    @admin.display(description="participations")
    def participations(self, meeting):
        if not meeting.attendance_is_recorded and meeting.has_started():
            return f"{meeting.participations} (inscrit·e·s, présences non relevées)"
        return meeting.participations
