"""Attachments: a file deposited before the post that links it (the composer's « Joindre un
fichier », for API clients). It becomes a document of the space (``forum.attachments``: the
library's checks, the « Pièces jointes » folder); the answer gives the document, and the link
to put in the text, or its id to pass in the post's ``attachments``."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from extranet.forum import attachments as forum_attachments
from extranet.forum.models import BodyFormat

from ..serializers.documents import DocumentDetailSerializer, VersionUploadSerializer
from .base import SpaceScopedViewSet
from .documents import get_document


class AttachmentViewSet(SpaceScopedViewSet):
    """``spaces/<slug>/attachments/``."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        summary="Joindre un fichier (avant le message qui le relie)",
        description="Formulaire multipart, champ `file`. Les contrôles de la bibliothèque "
        "s'appliquent (droit de déposer, taille, format, disque) : un refus n'enregistre rien "
        "et répond 400 avec le motif en français dans « attachments ».",
        request={"multipart/form-data": VersionUploadSerializer},
        responses={
            201: inline_serializer(
                "Attachment",
                {
                    "document": DocumentDetailSerializer(),
                    "markdown": serializers.CharField(),
                    "html": serializers.CharField(),
                },
            )
        },
    )
    def create(self, request, space_slug):
        serializer = VersionUploadSerializer(data=request.data)
        if not serializer.is_valid():
            raise serializers.ValidationError({"attachments": serializer.errors.get("file")})
        (document,) = forum_attachments.attach_files(
            self.space, request.user, [serializer.validated_data["file"]]
        )
        document = get_document(request.user, self.space, document.pk)
        return Response(
            {
                "document": DocumentDetailSerializer(
                    document, context=self.get_serializer_context()
                ).data,
                "markdown": forum_attachments.link(document, BodyFormat.MARKDOWN),
                "html": forum_attachments.link(document, BodyFormat.HTML),
            },
            status=status.HTTP_201_CREATED,
        )
