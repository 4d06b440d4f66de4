"""Documents of a space: list, deposit (multipart), detail with versions, new version,
delete, and download through the documents module's response (attachment, nosniff)."""

from typing import NamedTuple

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from extranet.documents import downloads, ordering
from extranet.documents import permissions as document_permissions
from extranet.documents import services as document_services
from extranet.documents.models import Document, Folder

from ..renderers import AnyMediaTypeRenderer
from ..serializers.documents import (
    FOLDER_NOT_IN_SPACE,
    DocumentDetailSerializer,
    DocumentMoveSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    VersionSerializer,
    VersionUploadSerializer,
)
from .base import SpaceScopedViewSet, first_or_404

FOLDER_PARAMETER = OpenApiParameter(
    "folder",
    str,
    description="Identifiant d'un dossier de l'espace : les documents rangés directement "
    "dedans (pas ceux de ses sous-dossiers) ; « root » : ceux de la racine ; absent : tous "
    "les documents. Un dossier d'un autre espace ou inexistant : 400.",
)
SORT_PARAMETER = OpenApiParameter(
    "tri",
    str,
    description="Tri, comme le tableau de la bibliothèque : titre, type, taille, date, auteur, "
    "précédé de « - » pour l'ordre décroissant. Absent : les plus récents d'abord. Inconnu : "
    "400.",
)
FILE_RESPONSE = OpenApiResponse(
    OpenApiTypes.BINARY,
    description="Le fichier, toujours en pièce jointe (Content-Disposition: attachment, "
    "X-Content-Type-Options: nosniff).",
)


class FolderChoice(NamedTuple):
    folder: Folder | None  # None: the library's root


def folder_filter(request, space, name) -> FolderChoice | None:
    """The folder the query parameter ``name`` asks for: None when absent (no filter),
    ``FolderChoice(None)`` for « root », else a folder of ``space`` the user sees. Anything
    else is a 400 under ``name``: not an id, or not a folder of this space (the same message
    for a folder of another space and for one that does not exist)."""
    value = request.query_params.get(name)
    if value is None:
        return None
    if value == "root":
        return FolderChoice(None)
    if not (value.isascii() and value.isdigit()):
        raise ValidationError({name: ["Indiquez l'identifiant d'un dossier ou « root »."]})
    folder = None
    if len(value) <= 18:  # beyond, no database id
        folder = document_permissions.filter_folders_queryset(
            request.user, Folder.objects.filter(space=space, pk=int(value))
        ).first()
    if folder is None:
        raise ValidationError({name: [FOLDER_NOT_IN_SPACE]})
    return FolderChoice(folder)


def get_document(user, space, pk):
    document = first_or_404(
        Document.objects.filter(space=space, pk=pk).select_related(
            "current_version__uploaded_by", "uploader"
        ),
        document_permissions.DOCUMENT_NOT_FOUND,
    )
    document.space = space
    document_permissions.check_view_document(user, document)
    return document


@extend_schema_view(
    list=extend_schema(
        summary="Documents de l'espace", parameters=[FOLDER_PARAMETER, SORT_PARAMETER]
    ),
    create=extend_schema(
        summary="Déposer un document",
        description="Formulaire multipart. Taille maximale et formats acceptés selon les "
        "réglages ; le contenu doit correspondre à l'extension. Un dépôt refusé n'enregistre "
        "rien et répond 400 avec le motif en français dans « file ».",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentDetailSerializer},
    ),
    retrieve=extend_schema(summary="Un document et ses versions"),
    partial_update=extend_schema(
        summary="Déplacer un document dans un autre dossier (son dépositaire ou l'équipe "
        "d'animation)",
        description="`{folder}` : un dossier de l'espace, ou null pour la racine. Un dossier "
        "d'un autre espace ou inexistant : 400 sous « folder ».",
        request=DocumentMoveSerializer,
        responses={200: DocumentDetailSerializer},
    ),
    destroy=extend_schema(
        summary="Supprimer un document (son dépositaire ou l'équipe d'animation)",
        responses={204: None},
    ),
    versions=extend_schema(
        summary="Remplacer le fichier (nouvelle version)",
        request={"multipart/form-data": VersionUploadSerializer},
        responses={201: VersionSerializer},
    ),
    download=extend_schema(summary="Télécharger la version actuelle", responses=FILE_RESPONSE),
    download_version=extend_schema(
        summary="Télécharger une version précédente", responses=FILE_RESPONSE
    ),
)
class DocumentViewSet(SpaceScopedViewSet):
    queryset = Document.objects.none()

    def get_serializer_class(self):
        if self.action == "list":
            return DocumentSerializer
        return DocumentDetailSerializer

    def get_parsers(self):
        # Files come as multipart forms (a JSON deposit is a 415); a move (PATCH, the only
        # body without a file) is JSON or a form. Asked before DRF sets ``self.action``.
        if getattr(self.request, "method", None) == "PATCH":
            return [JSONParser(), FormParser(), MultiPartParser()]
        return [MultiPartParser(), FormParser()]

    def get_queryset(self):
        if self.is_schema_generation:
            return Document.objects.none()
        documents = document_permissions.filter_documents_queryset(
            self.request.user, Document.objects.filter(space=self.space)
        )
        return documents.select_related("current_version__uploaded_by", "uploader").order_by(
            "-updated_at", "-pk"
        )

    def _attach_space(self, documents):
        for document in documents:
            document.space = self.space

    def list(self, request, space_slug):
        documents = self.get_queryset()
        chosen = folder_filter(request, self.space, "folder")
        if chosen is not None:
            documents = documents.filter(folder=chosen.folder)
        if ordering.PARAMETER in request.query_params:
            # The web table's sort (extranet.documents.ordering); a program gets told when
            # the value is unknown, rather than silently another order.
            order = ordering.parse(request.query_params[ordering.PARAMETER])
            if order is None:
                raise ValidationError({ordering.PARAMETER: [ordering.INVALID]})
            documents = ordering.order_documents(documents, order)
        return self.paginated(documents, prepare=self._attach_space)

    def create(self, request, space_slug):
        document_permissions.check_upload_document(request.user, self.space)
        serializer = DocumentUploadSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = document_services.upload_document(
            self.space,
            request.user,
            data["file"],
            title=data.get("title", ""),
            folder=data.get("folder"),
            description=data.get("description", ""),
        )
        return Response(self._detail(document.pk), status=status.HTTP_201_CREATED)

    def retrieve(self, request, space_slug, pk):
        return Response(self._detail(pk))

    def partial_update(self, request, space_slug, pk):
        document = get_document(request.user, self.space, pk)
        # Who may move it first (403 before any lesson on the fields), as every action here.
        document_permissions.check_move_document(request.user, document)
        serializer = DocumentMoveSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        document_services.move_document(document, request.user, serializer.validated_data["folder"])
        return Response(self._detail(document.pk))

    def destroy(self, request, space_slug, pk):
        document_services.delete_document(get_document(request.user, self.space, pk), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def versions(self, request, space_slug, pk):
        document = get_document(request.user, self.space, pk)
        document_permissions.check_replace_document(request.user, document)
        serializer = VersionUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = document_services.add_version(
            document, request.user, serializer.validated_data["file"]
        )
        return Response(
            VersionSerializer(version, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    # Downloads answer with the file whatever the Accept header asks; errors stay JSON.
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, AnyMediaTypeRenderer])
    def download(self, request, space_slug, pk):
        document = get_document(request.user, self.space, pk)
        return downloads.download_response(request.user, document)

    @action(
        detail=True,
        methods=["get"],
        url_path=r"versions/(?P<version_pk>[0-9]+)/download",
        renderer_classes=[JSONRenderer, AnyMediaTypeRenderer],
    )
    def download_version(self, request, space_slug, pk, version_pk):
        document = get_document(request.user, self.space, pk)
        version = document.versions.filter(pk=version_pk).first()
        if version is None:
            raise Http404(document_permissions.DOCUMENT_NOT_FOUND)
        return downloads.download_response(request.user, document, version)

    def _detail(self, pk):
        document = get_document(self.request.user, self.space, pk)
        return DocumentDetailSerializer(document, context=self.get_serializer_context()).data
