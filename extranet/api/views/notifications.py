"""My e-mail settings for one space (immediate e-mails and digest frequency)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from extranet.notifications import subscriptions

from ..serializers.notifications import SubscriptionSerializer
from .base import SpaceScopedViewSet


@extend_schema_view(
    retrieve=extend_schema(summary="Mes notifications dans l'espace"),
    update=extend_schema(summary="Changer mes notifications (les deux réglages)"),
    partial_update=extend_schema(summary="Changer un de mes réglages de notification"),
)
class NotificationSettingsViewSet(SpaceScopedViewSet):
    serializer_class = SubscriptionSerializer
    pagination_class = None

    def _show(self):
        subscription = subscriptions.get_subscription(self.request.user, self.space)
        return Response(SubscriptionSerializer(subscription).data)

    def retrieve(self, request, space_slug):
        return self._show()

    def update(self, request, space_slug, partial=False):
        serializer = SubscriptionSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        subscriptions.update_subscription(request.user, self.space, **serializer.validated_data)
        return self._show()

    def partial_update(self, request, space_slug):
        return self.update(request, space_slug, partial=True)
