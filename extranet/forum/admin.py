"""Django admin for staff moderation of the forum (members moderate through the extranet UI).

Hiding and restoring go through ``extranet.forum.services`` so counters stay exact and the
same rules apply; editing bodies here is disabled (edits must leave a revision).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404

from . import services
from .models import Mention, Post, PostRevision, Topic

STAFF_HIDE_REASON = "Masqué par l'équipe R&T depuis l'administration."


class PostRevisionInline(admin.TabularInline):
    model = PostRevision
    extra = 0
    can_delete = False
    fields = ("created_at", "kind", "editor", "body")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    can_delete = False
    fields = ("user", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "space",
        "author",
        "post_count",
        "is_pinned",
        "is_locked",
        "last_activity_at",
    )
    list_filter = ("is_pinned", "is_locked", "space")
    search_fields = ("title", "author__email", "author__last_name")
    list_select_related = ("space", "author")
    raw_id_fields = ("author",)
    readonly_fields = ("created_at", "last_activity_at", "post_count", "last_post")
    fields = ("space", "title", "author", "is_pinned", "is_locked") + readonly_fields
    date_hierarchy = "last_activity_at"


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("__str__", "topic", "author", "created_at", "is_hidden", "deleted_at")
    list_filter = ("is_hidden", ("deleted_at", admin.EmptyFieldListFilter), "topic__space")
    search_fields = ("body", "author__email", "author__last_name", "topic__title")
    list_select_related = ("topic", "author")
    readonly_fields = (
        "topic",
        "author",
        "body",
        "created_at",
        "edited_at",
        "is_hidden",
        "hidden_by",
        "hidden_reason",
        "hidden_at",
        "deleted_at",
    )
    inlines = [PostRevisionInline, MentionInline]
    actions = ["hide_posts", "restore_posts"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    @admin.action(description="Masquer les messages sélectionnés")
    def hide_posts(self, request, queryset):
        self._moderate(
            request,
            queryset.filter(is_hidden=False),
            lambda post: services.hide_post(post, request.user, STAFF_HIDE_REASON),
            "masqué",
        )

    @admin.action(description="Rétablir les messages sélectionnés")
    def restore_posts(self, request, queryset):
        self._moderate(
            request,
            queryset.filter(is_hidden=True),
            lambda post: services.restore_post(post, request.user),
            "rétabli",
        )

    def _moderate(self, request, queryset, action, done):
        # Same rules as in the extranet: staff who are not superusers moderate only the
        # spaces they animate.
        changed = refused = 0
        for post in queryset.select_related("topic__space"):
            try:
                action(post)
                changed += 1
            except (PermissionDenied, Http404):
                refused += 1
        if changed:
            messages.success(request, f"{changed} message(s) {done}(s).")
        if refused:
            messages.error(
                request, f"{refused} message(s) hors des espaces que vous pouvez modérer."
            )
