from urllib.parse import urlencode

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from extranet.documents import permissions as document_permissions
from extranet.documents.models import Document, DocumentVersion, Folder

from .links import LinkField, api_url
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


FOLDER_ID_ERROR = "Indiquez l'identifiant (nombre entier) d'un dossier de l'espace."
FOLDER_NOT_IN_SPACE = "Ce dossier n'existe pas dans cet espace."


@extend_schema_field(OpenApiTypes.INT)
class SpaceFolderField(serializers.PrimaryKeyRelatedField):
    """A folder of the space in the context, by its integer id. A folder of another space reads
    as non-existent (same message: nothing leaks about other spaces); ``null`` or ``""`` is
    the library's root when ``allow_null``."""

    default_error_messages = {
        "does_not_exist": FOLDER_NOT_IN_SPACE,
        "incorrect_type": FOLDER_ID_ERROR,
    }

    def __init__(self, **kwargs):
        # Integers only: 1.5 or true are refused, not read as folder 1.
        kwargs.setdefault(
            "pk_field", serializers.IntegerField(error_messages={"invalid": FOLDER_ID_ERROR})
        )
        super().__init__(**kwargs)

    def get_queryset(self):
        space = self.context.get("space")
        if space is None:
            return Folder.objects.none()
        return document_permissions.filter_folders_queryset(
            self.context["request"].user, Folder.objects.filter(space=space)
        )


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


class DocumentMoveSerializer(serializers.Serializer):
    folder = SpaceFolderField(
        allow_null=True,
        help_text="Identifiant d'un dossier de l'espace, ou null pour la racine.",
        error_messages={"required": "Indiquez le dossier de destination (null : la racine)."},
    )


class VersionUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False, error_messages=FILE_ERRORS)


class FolderSerializer(serializers.ModelSerializer):
    """A folder of the library: ``parent`` is null at the root; ``document_count`` and
    ``subfolder_count`` count what is directly inside it."""

    parent = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    created_by = PersonSerializer(read_only=True, allow_null=True)
    document_count = serializers.IntegerField(read_only=True)
    subfolder_count = serializers.IntegerField(read_only=True)
    can_manage = serializers.SerializerMethodField(
        help_text="Vous pouvez renommer, déplacer et supprimer ce dossier."
    )
    url = LinkField("folder-detail", space_slug="space.slug", pk="pk")
    documents_url = serializers.SerializerMethodField(
        help_text="Les documents rangés directement dans ce dossier."
    )

    class Meta:
        model = Folder
        fields = [
            "id",
            "name",
            "parent",
            "document_count",
            "subfolder_count",
            "created_by",
            "created_at",
            "can_manage",
            "url",
            "documents_url",
        ]
        read_only_fields = fields

    def get_can_manage(self, folder) -> bool:
        return document_permissions.can_manage_folder(self.context["request"].user, folder)

    @extend_schema_field(OpenApiTypes.URI)
    def get_documents_url(self, folder) -> str:
        url = api_url(self.context, "document-list", space_slug=folder.space.slug)
        return f"{url}?{urlencode({'folder': folder.pk})}"


class FolderCreateSerializer(serializers.Serializer):
    name = FreeTextField(help_text="Nom du dossier (120 caractères au plus, sans « / » ni « \\ »).")
    parent = SpaceFolderField(
        required=False,
        allow_null=True,
        help_text="Dossier parent, de cet espace ; absent ou null : à la racine.",
    )


class FolderUpdateSerializer(serializers.Serializer):
    """Rename (``name``), move (``parent``; null: to the root), or both at once."""

    name = FreeTextField(required=False, help_text="Nouveau nom.")
    parent = SpaceFolderField(
        required=False,
        allow_null=True,
        help_text="Nouveau dossier parent, de cet espace, ni le dossier lui-même ni l'un de ses "
        "sous-dossiers ; null : à la racine.",
    )

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(
                "Indiquez un nouveau nom (« name ») ou un nouveau dossier parent (« parent »)."
            )
        return attrs
