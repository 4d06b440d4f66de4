"""Posts: a topic's thread (paginated) and replying; one post: edit or delete one's own,
hide and restore (moderators), its history."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from extranet.forum import permissions as forum_permissions
from extranet.forum import services as forum_services
from extranet.forum.attachments import space_attachments, with_links
from extranet.forum.models import BodyFormat, Post

from ..idempotency import IDEMPOTENCY_PARAMETER, create_once
from ..serializers.forum import (
    HidePostSerializer,
    PostRevisionSerializer,
    PostSerializer,
    PostWriteSerializer,
    ReplySerializer,
)
from .base import SpaceScopedViewSet, first_or_404
from .topics import get_topic


def get_post(user, space, pk):
    """The post ``pk`` of a topic of ``space`` if ``user`` may see it; 404 otherwise."""
    post = first_or_404(
        Post.objects.filter(topic__space=space, pk=pk).select_related(
            "topic", "author", "hidden_by"
        ),
        forum_permissions.POST_NOT_FOUND,
    )
    post.topic.space = space
    forum_permissions.check_view_post(user, post)
    return post


def _valid(serializer_class, data, partial=False):
    serializer = serializer_class(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema_view(
    list=extend_schema(
        summary="Messages d'un sujet",
        description="Dans l'ordre de publication, paginé. Les messages masqués ou supprimés "
        "n'apparaissent qu'aux animateur·rice·s (et à l'équipe R&T).",
    ),
    create=extend_schema(
        summary="Répondre",
        request=ReplySerializer,
        responses={201: PostSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    ),
)
class TopicPostViewSet(SpaceScopedViewSet):
    """``spaces/<slug>/topics/<topic_pk>/posts/``: the thread."""

    serializer_class = PostSerializer
    queryset = Post.objects.none()

    def get_queryset(self):
        if self.is_schema_generation:
            return Post.objects.none()
        self.topic = get_topic(self.request.user, self.space, self.kwargs["topic_pk"])
        posts = forum_permissions.filter_posts_queryset(
            self.request.user, Post.objects.filter(topic=self.topic)
        )
        return posts.select_related("author", "hidden_by").order_by("created_at", "pk")

    def _attach_topic(self, posts):
        for post in posts:
            post.topic = self.topic

    def list(self, request, space_slug, topic_pk):
        return self.paginated(self.get_queryset(), prepare=self._attach_topic)

    def create(self, request, space_slug, topic_pk):
        topic = get_topic(request.user, self.space, topic_pk)

        def reply():
            forum_permissions.check_reply(request.user, topic)
            data = _valid(ReplySerializer, request.data)
            format = data.get("format", BodyFormat.HTML)
            documents = space_attachments(request.user, self.space, data.get("attachments", []))
            body = with_links(data["body"], documents, format)
            post = forum_services.reply(topic, request.user, body, format=format)
            post = get_post(request.user, self.space, post.pk)
            body = PostSerializer(post, context=self.get_serializer_context()).data
            return status.HTTP_201_CREATED, body

        # A retry with the same Idempotency-Key gets this first answer, even once the topic
        # is locked: the reply it asked for exists.
        return create_once(request, f"forum.reply:{topic.pk}", reply)


@extend_schema_view(
    retrieve=extend_schema(summary="Un message"),
    update=extend_schema(
        summary="Modifier un message (l'ancien texte est gardé dans l'historique)",
        request=PostWriteSerializer,
    ),
    partial_update=extend_schema(summary="Modifier un message", request=PostWriteSerializer),
    destroy=extend_schema(
        summary="Supprimer son message",
        description="Suppression douce : le texte passe dans l'historique, visible des "
        "animateur·rice·s ; le message disparaît pour les membres.",
        responses={204: None},
    ),
    hide=extend_schema(summary="Masquer un message (animateur·rice·s)", request=HidePostSerializer),
    restore=extend_schema(summary="Rétablir un message masqué", request=None),
    history=extend_schema(
        summary="Versions précédentes (auteur·rice et animateur·rice·s)",
        responses=PostRevisionSerializer(many=True),
    ),
)
class PostViewSet(SpaceScopedViewSet):
    """``spaces/<slug>/posts/<pk>/``: one post, whatever its topic."""

    serializer_class = PostSerializer
    queryset = Post.objects.none()

    def _post(self, pk):
        return get_post(self.request.user, self.space, pk)

    def _show(self, post):
        return Response(PostSerializer(post, context=self.get_serializer_context()).data)

    def retrieve(self, request, space_slug, pk):
        return self._show(self._post(pk))

    def update(self, request, space_slug, pk):
        post = self._post(pk)
        forum_permissions.check_edit_post(request.user, post)
        data = _valid(PostWriteSerializer, request.data)
        forum_services.edit_post(post, request.user, data["body"], format=data.get("format"))
        return self._show(self._post(pk))

    # A post has one writable field: PATCH and PUT are the same edit.
    partial_update = update

    def destroy(self, request, space_slug, pk):
        post = self._post(pk)
        forum_services.delete_post(post, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def hide(self, request, space_slug, pk):
        post = self._post(pk)
        forum_permissions.check_hide_post(request.user, post)
        data = _valid(HidePostSerializer, request.data)
        forum_services.hide_post(post, request.user, data["reason"])
        return self._show(self._post(pk))

    @action(detail=True, methods=["post"])
    def restore(self, request, space_slug, pk):
        forum_services.restore_post(self._post(pk), request.user)
        return self._show(self._post(pk))

    @action(detail=True, methods=["get"])
    def history(self, request, space_slug, pk):
        post = self._post(pk)
        if not forum_permissions.can_view_post_history(request.user, post):
            raise PermissionDenied(
                "L'historique d'un message est réservé à son auteur·rice et aux animateur·rice·s."
            )
        revisions = post.revisions.select_related("editor").order_by("-created_at", "-pk")
        return Response(PostRevisionSerializer(revisions, many=True).data)
