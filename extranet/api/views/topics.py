"""Topics of a space: list (pinned first), start one, rename, pin/lock (moderators), mark read."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from extranet.forum import permissions as forum_permissions
from extranet.forum import services as forum_services
from extranet.forum.attachments import space_attachments, with_links
from extranet.forum.models import Topic

from ..idempotency import IDEMPOTENCY_PARAMETER, create_once
from ..serializers.forum import TopicCreateSerializer, TopicRenameSerializer, TopicSerializer
from .base import SpaceScopedViewSet, first_or_404


def get_topic(user, space, pk):
    """The topic ``pk`` of ``space`` if ``user`` may see it; 404 otherwise."""
    topic = first_or_404(
        Topic.objects.filter(space=space, pk=pk).select_related("author", "last_post__author"),
        forum_permissions.TOPIC_NOT_FOUND,
    )
    topic.space = space
    forum_permissions.check_view_topic(user, topic)
    return topic


def _moderation(summary):
    return extend_schema(summary=summary, request=None, responses=TopicSerializer)


@extend_schema_view(
    list=extend_schema(
        summary="Sujets de l'espace",
        description="Épinglés d'abord, puis par activité récente ; paginé. Nombre de requêtes "
        "constant quel que soit le nombre de sujets.",
    ),
    create=extend_schema(
        summary="Ouvrir un sujet",
        request=TopicCreateSerializer,
        responses={201: TopicSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    ),
    retrieve=extend_schema(summary="Un sujet"),
    partial_update=extend_schema(
        summary="Renommer un sujet (son auteur·rice ou l'équipe d'animation)",
        request=TopicRenameSerializer,
    ),
    pin=_moderation("Épingler (animateur·rice·s)"),
    unpin=_moderation("Désépingler (animateur·rice·s)"),
    lock=_moderation("Verrouiller : plus de réponse (animateur·rice·s)"),
    unlock=_moderation("Déverrouiller (animateur·rice·s)"),
    read=extend_schema(summary="Marquer comme lu", request=None, responses={204: None}),
)
class TopicViewSet(SpaceScopedViewSet):
    serializer_class = TopicSerializer
    queryset = Topic.objects.none()  # for the schema; get_queryset narrows per user

    def get_queryset(self):
        if self.is_schema_generation:
            return Topic.objects.none()
        user = self.request.user
        topics = forum_permissions.filter_topics_queryset(
            user, Topic.objects.filter(space=self.space)
        )
        return (
            forum_services.with_unread_flag(user, topics)
            .in_display_order()
            .select_related("author", "last_post__author")
        )

    def _attach_space(self, topics):
        for topic in topics:
            topic.space = self.space

    def list(self, request, space_slug):
        return self.paginated(self.get_queryset(), prepare=self._attach_space)

    def create(self, request, space_slug):
        def start():
            forum_permissions.check_start_topic(request.user, self.space)
            data = self._valid(TopicCreateSerializer)
            documents = space_attachments(request.user, self.space, data.get("attachments", []))
            body = with_links(data["body"], documents, data["format"])
            topic = forum_services.create_topic(
                self.space, request.user, data["title"], body, format=data["format"]
            )
            return status.HTTP_201_CREATED, self._show(topic.pk)

        # A retry with the same Idempotency-Key gets this first answer, not a second topic.
        return create_once(request, f"forum.topic:{self.space.pk}", start)

    def retrieve(self, request, space_slug, pk):
        return Response(self._show(pk))

    def partial_update(self, request, space_slug, pk):
        topic = get_topic(request.user, self.space, pk)
        forum_permissions.check_rename_topic(request.user, topic)
        data = self._valid(TopicRenameSerializer)
        forum_services.rename_topic(topic, request.user, data["title"])
        return Response(self._show(pk))

    @action(detail=True, methods=["post"])
    def pin(self, request, space_slug, pk):
        return self._moderate(pk, forum_services.set_pinned, True)

    @action(detail=True, methods=["post"])
    def unpin(self, request, space_slug, pk):
        return self._moderate(pk, forum_services.set_pinned, False)

    @action(detail=True, methods=["post"])
    def lock(self, request, space_slug, pk):
        return self._moderate(pk, forum_services.set_locked, True)

    @action(detail=True, methods=["post"])
    def unlock(self, request, space_slug, pk):
        return self._moderate(pk, forum_services.set_locked, False)

    @action(detail=True, methods=["post"])
    def read(self, request, space_slug, pk):
        """Reading is explicit in the API (a GET changes nothing): clients call this once the
        member has seen the thread, as the web topic page does when it is shown."""
        forum_services.mark_topic_read(request.user, get_topic(request.user, self.space, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _moderate(self, pk, change, value):
        change(get_topic(self.request.user, self.space, pk), self.request.user, value)
        return Response(self._show(pk))

    def _valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def _show(self, pk):
        """The topic as listed (unread flag included), after checking it is visible."""
        topic = get_topic(self.request.user, self.space, pk)
        listed = self.get_queryset().filter(pk=topic.pk).first() or topic
        listed.space = self.space
        return TopicSerializer(listed, context=self.get_serializer_context()).data
