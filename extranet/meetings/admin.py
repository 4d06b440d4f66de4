"""Django admin for staff: review meetings and their registrations."""

from django.contrib import admin
from django.db import models

from .models import Meeting, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ("user",)
    readonly_fields = ("created_at",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "space", "starts_at", "place", "capacity", "participants")
    list_filter = ("space",)
    search_fields = ("title", "place")
    date_hierarchy = "starts_at"
    list_select_related = ("space",)
    raw_id_fields = ("created_by",)
    filter_horizontal = ("documents",)
    inlines = [RegistrationInline]
    # A link typed without scheme is a visio link: https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).with_participant_count()

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
