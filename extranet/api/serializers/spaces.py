from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from extranet.spaces import permissions as space_permissions
from extranet.spaces.models import Space
from extranet.spaces.roles import Role, SpacePermission

from .links import LinkField
from .text import FreeTextField


class RightsSerializer(serializers.Serializer):
    """What the current user may do in the space, as the permission module answers it
    (clients show or hide actions with it; the API checks again on every request)."""

    view = serializers.BooleanField(help_text="Voir l'espace et ses contenus.")
    post = serializers.BooleanField(help_text="Ouvrir des sujets et répondre.")
    upload = serializers.BooleanField(help_text="Déposer des documents.")
    attend_meetings = serializers.BooleanField(help_text="S'inscrire aux rencontres.")
    moderate = serializers.BooleanField(help_text="Épingler, verrouiller, masquer.")
    invite = serializers.BooleanField(help_text="Inviter des membres.")
    remove_members = serializers.BooleanField(help_text="Retirer des membres.")
    manage_meetings = serializers.BooleanField(help_text="Organiser les rencontres.")
    edit = serializers.BooleanField(help_text="Modifier l'espace.")


def rights_of(user, space) -> dict[str, bool]:
    held = space_permissions.get_space_rights(user, space)
    return {permission.name.lower(): permission in held for permission in SpacePermission}


class SpaceSerializer(serializers.ModelSerializer):
    """A space in "my spaces": the member's role, members and unread topics."""

    my_role = serializers.ChoiceField(
        choices=Role.choices,
        read_only=True,
        allow_null=True,
        help_text="Votre rôle dans l'espace (null : vous n'en êtes pas membre, équipe R&T).",
    )
    members_count = serializers.IntegerField(read_only=True)
    unread_count = serializers.IntegerField(
        read_only=True, help_text="Sujets avec une activité que vous n'avez pas lue."
    )
    last_activity_at = serializers.DateTimeField(read_only=True, allow_null=True)
    url = LinkField("space-detail", space_slug="slug")

    class Meta:
        model = Space
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "kind",
            "is_archived",
            "my_role",
            "members_count",
            "unread_count",
            "last_activity_at",
            "url",
        ]
        read_only_fields = fields


class SpaceDetailSerializer(SpaceSerializer):
    network = serializers.StringRelatedField(read_only=True)
    dossier = serializers.StringRelatedField(read_only=True)
    rights = serializers.SerializerMethodField()

    class Meta(SpaceSerializer.Meta):
        fields = [*SpaceSerializer.Meta.fields, "network", "dossier", "rights"]
        read_only_fields = fields

    @extend_schema_field(RightsSerializer)
    def get_rights(self, space):
        return rights_of(self.context["request"].user, space)


class SpaceSettingsSerializer(serializers.ModelSerializer):
    """What owners (and staff) change: the name and the presentation."""

    name = FreeTextField(allow_blank=False, trim_whitespace=True, max_length=200)
    description = FreeTextField(trim_whitespace=True)

    class Meta:
        model = Space
        fields = ["name", "description"]
