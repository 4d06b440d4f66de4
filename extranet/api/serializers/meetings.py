from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from extranet.documents.models import Document
from extranet.meetings import permissions as meeting_permissions
from extranet.meetings import services as meeting_services
from extranet.meetings.models import Meeting

from .links import LinkField
from .people import PersonSerializer
from .text import FreeTextField


class MeetingSerializer(serializers.ModelSerializer):
    """A rencontre with its participant count and what the current member may do."""

    participant_count = serializers.IntegerField(read_only=True)
    is_registered = serializers.BooleanField(read_only=True)
    is_online = serializers.BooleanField(read_only=True)
    is_full = serializers.SerializerMethodField()
    can_sign_up = serializers.SerializerMethodField()
    can_cancel = serializers.SerializerMethodField()
    documents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    url = LinkField("meeting-detail", space_slug="space.slug", pk="pk")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "is_online",
            "agenda",
            "capacity",
            "participant_count",
            "is_full",
            "is_registered",
            "can_sign_up",
            "can_cancel",
            "documents",
            "url",
        ]
        read_only_fields = fields

    def _user(self):
        return self.context["request"].user

    def get_is_full(self, meeting) -> bool:
        return meeting_permissions.is_full(meeting)

    def get_can_sign_up(self, meeting) -> bool:
        return not meeting.is_registered and meeting_permissions.can_sign_up(self._user(), meeting)

    def get_can_cancel(self, meeting) -> bool:
        return meeting.is_registered and meeting_permissions.can_cancel_registration(
            self._user(), meeting
        )


class MeetingDetailSerializer(MeetingSerializer):
    participants = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "participants"]
        read_only_fields = fields

    @extend_schema_field(PersonSerializer(many=True))
    def get_participants(self, meeting):
        return PersonSerializer(meeting_services.participants(meeting), many=True).data


@extend_schema_field(OpenApiTypes.INT)
class SpaceDocumentsField(serializers.PrimaryKeyRelatedField):
    """Documents of the space in the context: any other id reads as non-existent."""

    def get_queryset(self):
        space = self.context.get("space")
        if space is None:
            return Document.objects.none()
        return Document.objects.filter(space=space)


class MeetingWriteSerializer(serializers.Serializer):
    """Fields of ``meetings.services.EDITABLE_FIELDS``; the service checks the rules (end after
    start, a place or a link, http(s) links) and answers in French."""

    title = FreeTextField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = FreeTextField(required=False, help_text="Adresse, ou vide pour une rencontre en ligne.")
    online_url = FreeTextField(required=False, help_text="Lien http(s) de la visioconférence.")
    agenda = FreeTextField(required=False, help_text="HTML simple, nettoyé à l'enregistrement.")
    capacity = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=1_000_000,
        help_text="Nombre de places ; null : sans limite.",
    )
    documents = SpaceDocumentsField(many=True, required=False)

    def service_arguments(self):
        """(fields, documents) for ``create_meeting``/``update_meeting``."""
        data = dict(self.validated_data)
        documents = data.pop("documents", None)
        return data, documents
