from rest_framework import serializers

from extranet.notifications.models import DigestFrequency, NotificationLevel


class SubscriptionSerializer(serializers.Serializer):
    """My e-mail settings for one space (defaults until I change them)."""

    level = serializers.ChoiceField(
        choices=NotificationLevel.choices, help_text="E-mails immédiats."
    )
    digest_frequency = serializers.ChoiceField(
        choices=DigestFrequency.choices, help_text="Fréquence du récapitulatif."
    )
