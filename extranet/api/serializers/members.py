from rest_framework import serializers

from extranet.spaces import permissions as space_permissions
from extranet.spaces.models import Invitation, Membership
from extranet.spaces.roles import Role

from .people import MemberProfileSerializer, PersonSerializer
from .text import FreeTextField


class MembershipSerializer(serializers.ModelSerializer):
    """A line of the member directory (visible to the space's members only)."""

    user = MemberProfileSerializer(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    can_remove = serializers.SerializerMethodField()
    can_change_role = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["id", "user", "role", "role_label", "joined_at", "can_remove", "can_change_role"]
        read_only_fields = fields

    def get_can_remove(self, membership) -> bool:
        return space_permissions.can_remove_member(self.context["request"].user, membership)

    def get_can_change_role(self, membership) -> bool:
        return space_permissions.can_change_role(self.context["request"].user, membership)


class RoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationSerializer(serializers.ModelSerializer):
    invited_by = PersonSerializer(read_only=True, allow_null=True)
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "status", "invited_by", "created_at", "expires_at"]
        read_only_fields = fields


class InviteSerializer(serializers.Serializer):
    email = FreeTextField(help_text="Adresse e-mail de la personne invitée.")
    role = serializers.ChoiceField(choices=Role.choices, default=Role.MEMBER)
