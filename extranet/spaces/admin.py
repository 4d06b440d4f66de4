"""Django admin for spaces: memberships inline, invitations (sent through the service), and
the staff CSV import of members."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone

from . import bulk_import, invitations
from .forms import MembersImportForm
from .models import Invitation, Membership, Space


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "space"
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "joined_at", "invited_by"]
    readonly_fields = ["joined_at", "invited_by"]


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_archived", "members_count", "created_at"]
    list_filter = ["kind", "is_archived"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_members_count()

    @admin.display(description="membres", ordering="members_count")
    def members_count(self, space):
        return space.members_count

    def get_urls(self):
        return [
            path(
                "<path:object_id>/import-membres/",
                self.admin_site.admin_view(self.import_members_view),
                name="spaces_space_import_members",
            ),
            *super().get_urls(),
        ]

    def import_members_view(self, request, object_id):
        space = get_object_or_404(Space, pk=object_id)
        if not self.has_change_permission(request, space):
            raise PermissionDenied
        report = None
        form = MembersImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            report = bulk_import.import_members(
                by=request.user,
                space=space,
                content=form.cleaned_data["file"].read(),
                role=form.cleaned_data["role"],
            )
            level = messages.ERROR if report.error else messages.SUCCESS
            self.message_user(request, f"Import dans « {space} » : {report.summary()}", level)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": space,
            "title": f"Importer des membres dans « {space} »",
            "form": form,
            "report": report,
            "change_url": reverse("admin:spaces_space_change", args=[space.pk]),
        }
        return render(request, "admin/spaces/space/import_members.html", context)


class InvitationAddForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["space", "email", "role"]

    def clean(self):
        cleaned = super().clean()
        space, email = cleaned.get("space"), cleaned.get("email")
        if space and email and space.memberships.filter(user__email__iexact=email).exists():
            self.add_error("email", f"{email} est déjà membre de cet espace.")
        return cleaned


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are created through the service (token, e-mail) and never edited."""

    list_display = ["email", "space", "role", "status_display", "invited_by", "expires_at"]
    list_filter = ["role", "space"]
    search_fields = ["email", "space__name"]
    autocomplete_fields = ["space"]
    actions = ["revoke_selected"]
    readonly_fields = [
        "space",
        "email",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]

    @admin.display(description="état")
    def status_display(self, invitation):
        return invitation.status.label

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationAddForm
            kwargs["fields"] = InvitationAddForm.Meta.fields
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def get_fields(self, request, obj=None):
        return self.readonly_fields if obj else InvitationAddForm.Meta.fields

    def save_model(self, request, obj, form, change):
        if change:
            return  # every field is read-only once sent
        created = invitations.invite(
            by=request.user, space=obj.space, email=obj.email, role=obj.role
        )
        obj.pk = created.pk  # so the admin's redirect and log point at the real row

    @admin.action(description="Annuler les invitations sélectionnées")
    def revoke_selected(self, request, queryset):
        count = queryset.pending().update(revoked_at=timezone.now())
        self.message_user(request, f"{count} invitation(s) annulée(s).")
