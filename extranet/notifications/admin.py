"""Django admin for staff: members' notification settings and the digests sent."""

from django.contrib import admin

from .models import DigestDelivery, SpaceSubscription


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
