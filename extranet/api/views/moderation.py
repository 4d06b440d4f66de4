"""Flags and the moderation queue: flag a post (members), the queue and its decisions
(moderators of the space; a 404 for anyone else). Rules: ``extranet.forum.moderation``."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from extranet.forum import moderation
from extranet.forum import permissions as forum_permissions

from ..serializers.moderation import (
    FlagSerializer,
    FlagWriteSerializer,
    ModerationActionSerializer,
    ModerationDecisionSerializer,
    QueueEntrySerializer,
)
from .base import SpaceScopedViewSet
from .posts import get_post


def _data(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema_view(
    flag=extend_schema(
        summary="Signaler un message",
        description="Une fois par membre et par message ; pas ses propres messages. 404 pour "
        "un message que les membres ne voient pas (masqué, supprimé, autre espace).",
        request=FlagWriteSerializer,
        responses={201: FlagSerializer},
    ),
    queue=extend_schema(
        summary="Messages signalés à traiter (animateur·rice·s)",
        description="Les signalements ouverts groupés par message, le plus signalé d'abord, "
        "paginés comme les autres listes (`?page=`, `?page_size=`). 404 pour qui n'anime pas "
        "l'espace.",
        responses=QueueEntrySerializer(many=True),
    ),
    hide=extend_schema(
        summary="Masquer un message signalé",
        request=ModerationDecisionSerializer,
        responses=ModerationActionSerializer,
    ),
    restore=extend_schema(
        summary="Rétablir un message signalé masqué",
        request=None,
        responses=ModerationActionSerializer,
    ),
    dismiss=extend_schema(
        summary="Classer sans suite les signalements d'un message",
        request=None,
        responses=ModerationActionSerializer,
    ),
)
class ModerationViewSet(SpaceScopedViewSet):
    """``spaces/<slug>/posts/<pk>/flag/`` and ``spaces/<slug>/moderation/…``."""

    serializer_class = QueueEntrySerializer

    @action(detail=True, methods=["post"])
    def flag(self, request, space_slug, pk):
        post = get_post(request.user, self.space, pk)
        data = _data(FlagWriteSerializer, request.data)
        flag = moderation.flag_post(
            post, request.user, data.get("reason", ""), data.get("details", "")
        )
        return Response(FlagSerializer(flag).data, status=status.HTTP_201_CREATED)

    @action(detail=False, methods=["get"])
    def queue(self, request, space_slug):
        # Paginated like every list of the API: the page of posts first, then its flags.
        page = self.paginate_queryset(moderation.queued_posts(request.user, self.space))
        entries = moderation.queue_entries(page, self.space)
        context = self.get_serializer_context()
        data = QueueEntrySerializer(entries, many=True, context=context).data
        return self.get_paginated_response(data)

    def _queue_post(self, pk):
        # The queue's existence first: a member learns nothing about the post.
        forum_permissions.check_handle_flags(self.request.user, self.space)
        return get_post(self.request.user, self.space, pk)

    def _decided(self, post):
        decision = post.moderation_actions.order_by("-pk").first()
        return Response(ModerationActionSerializer(decision).data)

    @action(detail=True, methods=["post"])
    def hide(self, request, space_slug, pk):
        post = self._queue_post(pk)
        data = _data(ModerationDecisionSerializer, request.data)
        moderation.hide_flagged_post(post, request.user, data.get("reason", ""))
        return self._decided(post)

    @action(detail=True, methods=["post"])
    def restore(self, request, space_slug, pk):
        post = self._queue_post(pk)
        moderation.restore_flagged_post(post, request.user)
        return self._decided(post)

    @action(detail=True, methods=["post"])
    def dismiss(self, request, space_slug, pk):
        post = self._queue_post(pk)
        decision = moderation.dismiss_flags(post, request.user)
        return Response(ModerationActionSerializer(decision).data)
