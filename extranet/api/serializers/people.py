from rest_framework import serializers

from extranet.accounts.models import User


class PersonSerializer(serializers.ModelSerializer):
    """Someone as members see them in a space: name (or e-mail when unnamed) and structure."""

    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name", "organisation"]
        read_only_fields = fields


class MemberProfileSerializer(PersonSerializer):
    """The member directory's columns (visible to the space's members only)."""

    territory = serializers.StringRelatedField(read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = ["id", "name", "organisation", "job_title", "territory"]
        read_only_fields = fields
