"""Folders of a space's document library: list (with the number of documents and
sub-folders directly inside), create, detail, rename and/or move, delete.

Who may do what is the documents permission module's (``can_create_folder``: whoever may
deposit documents; ``check_manage_folder``: moderation); every change goes through the
documents services, which check names, the parent's space and loops. Deleting a folder
deletes its sub-folders too, never a document: their documents go back to the root.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.response import Response

from extranet.documents import permissions as document_permissions
from extranet.documents import services as document_services
from extranet.documents.models import Document, Folder

from ..serializers.documents import (
    FolderCreateSerializer,
    FolderSerializer,
    FolderUpdateSerializer,
)
from .base import SpaceScopedViewSet, first_or_404
from .documents import folder_filter

FOLDER_NOT_FOUND = "Dossier introuvable."

PARENT_PARAMETER = OpenApiParameter(
    "parent",
    str,
    description="Identifiant d'un dossier de l'espace : ses sous-dossiers ; « root » : les "
    "dossiers de la racine ; absent : tous les dossiers de l'espace.",
)


def _count_of(queryset, field):
    """``Count`` of ``queryset`` rows pointing at the outer folder, as a subquery (0 if none):
    two counts in one statement without multiplying the joined rows."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


@extend_schema_view(
    list=extend_schema(
        summary="Dossiers de la bibliothèque de l'espace",
        description="Par nom ; paginé. `parent` est null pour un dossier de la racine ; "
        "`document_count` et `subfolder_count` comptent ce qui est directement dedans. Les "
        "documents d'un dossier : `documents/?folder=<id>` (`documents_url`).",
        parameters=[PARENT_PARAMETER],
    ),
    create=extend_schema(
        summary="Créer un dossier (qui peut déposer des documents)",
        description="À la racine, ou dans `parent` (un dossier de cet espace). Deux dossiers "
        "d'un même endroit ne peuvent pas porter le même nom (casse ignorée).",
        request=FolderCreateSerializer,
        responses={201: FolderSerializer},
    ),
    retrieve=extend_schema(summary="Un dossier"),
    partial_update=extend_schema(
        summary="Renommer et/ou déplacer un dossier (animateur·rice·s)",
        description="`name` : nouveau nom ; `parent` : nouveau dossier parent (null : la "
        "racine), de cet espace, ni le dossier lui-même ni l'un de ses sous-dossiers. Ses "
        "documents et sous-dossiers le suivent. Les deux changements sont faits ensemble ou "
        "pas du tout.",
        request=FolderUpdateSerializer,
    ),
    destroy=extend_schema(
        summary="Supprimer un dossier (animateur·rice·s)",
        description="Supprime le dossier et ses sous-dossiers, jamais de document : les "
        "documents qu'ils contenaient reviennent à la racine de la bibliothèque.",
        responses={
            204: OpenApiResponse(
                description="Dossier et sous-dossiers supprimés ; leurs documents sont à la racine."
            )
        },
    ),
)
class FolderViewSet(SpaceScopedViewSet):
    serializer_class = FolderSerializer
    queryset = Folder.objects.none()  # for the schema; get_queryset narrows per user

    def get_queryset(self):
        if self.is_schema_generation:
            return Folder.objects.none()
        folders = document_permissions.filter_folders_queryset(
            self.request.user, Folder.objects.filter(space=self.space)
        )
        return (
            folders.annotate(
                document_count=_count_of(Document.objects.all(), "folder"),
                subfolder_count=_count_of(Folder.objects.all(), "parent"),
            )
            .select_related("created_by")
            .order_by("name", "pk")
        )

    def _attach_space(self, folders):
        for folder in folders:
            folder.space = self.space

    def _folder(self, pk):
        folder = first_or_404(self.get_queryset().filter(pk=pk), FOLDER_NOT_FOUND)
        folder.space = self.space
        return folder

    def _show(self, pk, status_code=status.HTTP_200_OK):
        data = FolderSerializer(self._folder(pk), context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def _valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def list(self, request, space_slug):
        folders = self.get_queryset()
        parent = folder_filter(request, self.space, "parent")
        if parent is not None:
            folders = folders.filter(parent=parent.folder)
        return self.paginated(folders, prepare=self._attach_space)

    def retrieve(self, request, space_slug, pk):
        return self._show(pk)

    def create(self, request, space_slug):
        document_permissions.check_create_folder(request.user, self.space)
        data = self._valid(FolderCreateSerializer)
        folder = document_services.create_folder(
            self.space, request.user, data["name"], parent=data.get("parent")
        )
        return self._show(folder.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, space_slug, pk):
        folder = self._folder(pk)
        document_permissions.check_manage_folder(request.user, folder)
        data = self._valid(FolderUpdateSerializer)
        document_services.update_folder(folder, request.user, **data)
        return self._show(pk)

    def destroy(self, request, space_slug, pk):
        document_services.delete_folder(self._folder(pk), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
