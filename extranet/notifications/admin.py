"""Django admin for staff: members' notification settings and the digests sent."""

from django.contrib import admin

from .models import DigestDelivery, Notification, SpaceSubscription, TopicSubscription


@admin.register(SpaceSubscription)
class SpaceSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "space", "level", "digest_frequency", "updated_at")
    list_filter = ("level", "digest_frequency", "space")
    search_fields = ("user__email", "user__last_name", "space__name")
    list_select_related = ("user", "space")
    raw_id_fields = ("user",)


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ("user", "frequency", "period_start", "period_end", "sent_at")
    list_filter = ("frequency",)
    search_fields = ("user__email",)
    list_select_related = ("user",)
    readonly_fields = ("user", "frequency", "period_start", "period_end", "sent_at")

    def has_add_permission(self, request):
        return False


@admin.register(TopicSubscription)
class TopicSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "topic", "level", "updated_at")
    list_filter = ("level",)
    search_fields = ("user__email", "user__last_name", "topic__title")
    list_select_related = ("user", "topic")
    raw_id_fields = ("user", "topic")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "post", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("user__email",)
    list_select_related = ("user", "post__topic", "post__author")
    raw_id_fields = ("user", "post")
    readonly_fields = ("user", "post", "kind", "created_at", "read_at")

    def has_add_permission(self, request):
        return False
