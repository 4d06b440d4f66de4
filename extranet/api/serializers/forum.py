from rest_framework import serializers

from extranet.forum import permissions as forum_permissions
from extranet.forum.attachments import MAX_FILES as MAX_ATTACHMENTS
from extranet.forum.models import BodyFormat, Post, PostRevision, Topic

from .links import LinkField
from .people import PersonSerializer
from .text import FreeTextField


class LastPostSerializer(serializers.ModelSerializer):
    author = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Post
        fields = ["id", "author", "created_at"]
        read_only_fields = fields


class TopicSerializer(serializers.ModelSerializer):
    """A topic as listed in its space (pinned first, then by latest activity)."""

    author = PersonSerializer(read_only=True, allow_null=True)
    last_post = LastPostSerializer(read_only=True, allow_null=True)
    is_unread = serializers.SerializerMethodField()
    can_reply = serializers.SerializerMethodField()
    url = LinkField("topic-detail", space_slug="space.slug", pk="pk")
    posts_url = LinkField("topic-post-list", space_slug="space.slug", topic_pk="pk")

    class Meta:
        model = Topic
        fields = [
            "id",
            "title",
            "author",
            "created_at",
            "is_pinned",
            "is_locked",
            "last_activity_at",
            "post_count",
            "last_post",
            "is_unread",
            "can_reply",
            "url",
            "posts_url",
        ]
        read_only_fields = fields

    def get_is_unread(self, topic) -> bool:
        return bool(getattr(topic, "is_unread", False))

    def get_can_reply(self, topic) -> bool:
        return forum_permissions.can_reply(self.context["request"].user, topic)


def _format_field(default):
    return serializers.ChoiceField(
        choices=BodyFormat.choices,
        required=False,
        default=default,
        help_text="Comment `body` est écrit : `markdown` (rendu sur le serveur) ou `html` "
        "(HTML simple) ; les deux sont nettoyés à l'enregistrement.",
    )


def _attachments_field():
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=MAX_ATTACHMENTS,
        help_text="Identifiants de documents de l'espace à relier au message (déposés avant "
        "par `POST spaces/<slug>/attachments/`) : un lien par document est ajouté à la fin du "
        f"texte, dans son format. {MAX_ATTACHMENTS} au plus.",
    )


class TopicCreateSerializer(serializers.Serializer):
    title = FreeTextField(help_text="Titre du sujet (200 caractères au plus).")
    body = FreeTextField(help_text="Premier message, en Markdown ou en HTML simple (`format`).")
    # HTML by default: what API clients have always sent.
    format = _format_field(BodyFormat.HTML)
    attachments = _attachments_field()


class TopicRenameSerializer(serializers.Serializer):
    title = FreeTextField()


class PostSerializer(serializers.ModelSerializer):
    """A post. Hidden and deleted posts reach moderators (and staff) only; a deleted post's
    text lives in its history."""

    topic = serializers.PrimaryKeyRelatedField(read_only=True)
    author = PersonSerializer(read_only=True, allow_null=True)
    hidden_by = PersonSerializer(read_only=True, allow_null=True)
    is_deleted = serializers.BooleanField(read_only=True)
    can_edit = serializers.SerializerMethodField()
    can_delete = serializers.SerializerMethodField()
    can_hide = serializers.SerializerMethodField()
    url = LinkField("post-detail", space_slug="topic.space.slug", pk="pk")

    class Meta:
        model = Post
        fields = [
            "id",
            "topic",
            "author",
            "body",
            "format",
            "source",
            "created_at",
            "edited_at",
            "is_hidden",
            "hidden_by",
            "hidden_reason",
            "hidden_at",
            "is_deleted",
            "deleted_at",
            "can_edit",
            "can_delete",
            "can_hide",
            "url",
        ]
        read_only_fields = fields

    def _user(self):
        return self.context["request"].user

    def get_can_edit(self, post) -> bool:
        return forum_permissions.can_edit_post(self._user(), post)

    def get_can_delete(self, post) -> bool:
        return forum_permissions.can_delete_post(self._user(), post)

    def get_can_hide(self, post) -> bool:
        return forum_permissions.can_hide_post(self._user(), post)


class PostWriteSerializer(serializers.Serializer):
    body = FreeTextField(help_text="Le texte, en Markdown ou en HTML simple (`format`).")
    # No default: a reply is HTML unless told, an edit keeps the post's format unless told.
    format = serializers.ChoiceField(
        choices=BodyFormat.choices,
        required=False,
        help_text="Comment `body` est écrit : `markdown` ou `html`. Une réponse est en HTML "
        "par défaut ; une modification garde le format du message.",
    )


class ReplySerializer(PostWriteSerializer):
    attachments = _attachments_field()


class HidePostSerializer(serializers.Serializer):
    reason = FreeTextField(help_text="Motif du masquage, visible des animateur·rice·s.")


class PostRevisionSerializer(serializers.ModelSerializer):
    editor = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = PostRevision
        fields = ["id", "kind", "body", "editor", "created_at"]
        read_only_fields = fields
