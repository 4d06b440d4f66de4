from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from extranet.documents import permissions as document_permissions
from extranet.documents.models import Document, DocumentVersion, Folder

from .links import api_url
from .people import PersonSerializer
from .text import FreeTextField


class VersionSerializer(serializers.ModelSerializer):
    uploaded_by = PersonSerializer(read_only=True, allow_null=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "number",
            "original_name",
            "size",
            "content_type",
            "uploaded_by",
            "created_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, version) -> str:
        space = self.context["space"]
        return api_url(
            self.context,
            "document-version-download",
            space_slug=space.slug,
            pk=version.document_id,
            version_pk=version.pk,
        )


class DocumentSerializer(serializers.ModelSerializer):
    uploader = PersonSerializer(read_only=True, allow_null=True)
    folder = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    current_version = VersionSerializer(read_only=True, allow_null=True)
    can_replace = serializers.SerializerMethodField()
    can_delete = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "title",
            "description",
            "folder",
            "uploader",
            "created_at",
            "updated_at",
            "current_version",
            "can_replace",
            "can_delete",
            "url",
            "download_url",
        ]
        read_only_fields = fields

    def _link(self, name, document):
        return api_url(self.context, name, space_slug=document.space.slug, pk=document.pk)

    def get_url(self, document) -> str:
        return self._link("document-detail", document)

    def get_download_url(self, document) -> str:
        return self._link("document-download", document)

    def get_can_replace(self, document) -> bool:
        return document_permissions.can_replace_document(self.context["request"].user, document)

    def get_can_delete(self, document) -> bool:
        return document_permissions.can_delete_document(self.context["request"].user, document)


class DocumentDetailSerializer(DocumentSerializer):
    versions = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "versions"]
        read_only_fields = fields

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, document):
        versions = document.versions.select_related("uploaded_by").order_by("-number")
        return VersionSerializer(versions, many=True, context=self.context).data


@extend_schema_field(OpenApiTypes.INT)
class SpaceFolderField(serializers.PrimaryKeyRelatedField):
    """A folder of the space in the context: any other id reads as non-existent."""

    def get_queryset(self):
        space = self.context.get("space")
        if space is None:
            return Folder.objects.none()
        return Folder.objects.filter(space=space)


FILE_ERRORS = {
    "required": "Choisissez un fichier à déposer.",
    "null": "Choisissez un fichier à déposer.",
    "invalid": "Envoyez le fichier en multipart/form-data dans le champ « file ».",
    "no_name": "Le fichier n'a pas de nom.",
}


class DocumentUploadSerializer(serializers.Serializer):
    """Multipart form: the file is checked by the documents service (size, type, content,
    name) before anything is stored."""

    # Empty files reach the service, which refuses them with the web's own message.
    file = serializers.FileField(allow_empty_file=True, use_url=False, error_messages=FILE_ERRORS)
    title = FreeTextField(
        required=False, help_text="Par défaut : le nom du fichier sans son extension."
    )
    description = FreeTextField(required=False)
    folder = SpaceFolderField(required=False, allow_null=True)


class VersionUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False, error_messages=FILE_ERRORS)
