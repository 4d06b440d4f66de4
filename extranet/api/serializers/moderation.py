from rest_framework import serializers

from extranet.forum.models import Flag, FlagReason, ModerationAction

from .forum import PostSerializer
from .people import PersonSerializer

REASONS_HELP = "Motif : " + ", ".join(f"`{value}` ({label})" for value, label in FlagReason.choices)


class FlagWriteSerializer(serializers.Serializer):
    # Plain strings: the service checks them and answers in French (400, per field).
    reason = serializers.CharField(allow_blank=True, required=False, help_text=REASONS_HELP)
    details = serializers.CharField(
        allow_blank=True,
        required=False,
        help_text="Précisions (obligatoires pour `other`), visibles des animateur·rice·s.",
    )


class FlagSerializer(serializers.ModelSerializer):
    member = PersonSerializer(read_only=True)

    class Meta:
        model = Flag
        fields = ["id", "post", "member", "reason", "details", "status", "created_at"]
        read_only_fields = fields


class QueueEntrySerializer(serializers.Serializer):
    """A flagged post of the queue: its open flags and their count per reason."""

    post = PostSerializer(read_only=True)
    count = serializers.IntegerField(read_only=True)
    reasons = serializers.SerializerMethodField()
    flags = FlagSerializer(many=True, read_only=True)

    def get_reasons(self, entry) -> dict[str, int]:
        """``{reason: count}`` with the reasons' codes."""
        counts = {}
        for flag in entry.flags:
            counts[flag.reason] = counts.get(flag.reason, 0) + 1
        return counts


class ModerationDecisionSerializer(serializers.Serializer):
    reason = serializers.CharField(
        allow_blank=True,
        required=False,
        help_text="Motif du masquage (obligatoire pour `hide`), visible des animateur·rice·s.",
    )


class ModerationActionSerializer(serializers.ModelSerializer):
    moderator = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ModerationAction
        fields = ["id", "post", "kind", "moderator", "reason", "flags_closed", "created_at"]
        read_only_fields = fields
