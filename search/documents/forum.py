"""Forum topics and posts of the extranet spaces: audience ``space:<id>``.

- a topic is searchable by its title and its opening post (its first visible post), while its
  space's members see it (``extranet.forum.permissions.is_topic_shown_to_members``, what its
  page asks): once every post is hidden or deleted, only moderators open it, and audiences
  cannot name them, so it leaves search;
- a reply is searchable unless hidden by a moderator or deleted by its author. The opening
  post is not a result of its own: it would repeat its topic (same title, same text);
- renaming a space re-indexes its content (the space name is shown on each result); saving a
  topic (moved to another space, renamed) re-indexes all its posts.
"""

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save

from extranet.forum.permissions import is_topic_shown_to_members
from extranet.forum.signals import topic_renamed
from search.indexing import DocumentData
from search.models import Kind, space_audience

from . import DocumentBuilder, plain_text, register


def _space_fields(space):
    return {"audience": space_audience(space.pk), "space_id": space.pk, "space_name": space.name}


FIRST_POST_BODY = "search_first_post_body"


class TopicBuilder(DocumentBuilder):
    model_label = "forum.Topic"

    def queryset(self):
        # The opening post's text comes with the topic: no query per topic in a rebuild.
        from extranet.forum.models import Post

        first_visible = Post.objects.visible().filter(topic=OuterRef("pk"))
        first_body = first_visible.order_by("created_at", "pk").values("body")[:1]
        return self.model._default_manager.select_related("space").annotate(
            **{FIRST_POST_BODY: Subquery(first_body)}
        )

    def build(self, topic):
        if not is_topic_shown_to_members(topic):
            return None
        if hasattr(topic, FIRST_POST_BODY):
            body = getattr(topic, FIRST_POST_BODY) or ""
        else:  # a topic that did not come from queryset()
            first = topic.posts.visible().order_by("created_at", "pk").first()
            body = first.body if first else ""
        return DocumentData(
            kind=Kind.TOPIC,
            title=topic.title,
            body=plain_text(body),
            url=topic.get_absolute_url(),
            date=topic.last_activity_at or topic.created_at,
            **_space_fields(topic.space),
        )

    def connect(self):
        from search import sync

        post_save.connect(
            _record_topic, sender=self.model, dispatch_uid="search_topic_saved", weak=False
        )
        topic_renamed.connect(_renamed, dispatch_uid="search_topic_renamed", weak=False)
        post_delete.connect(
            _record_deleted, sender=self.model, dispatch_uid="search_topic_gone", weak=False
        )

        def space_saved(sender, instance, created, **kwargs):
            if not created:
                sync.record_space_content(instance)

        post_save.connect(
            space_saved, sender="spaces.Space", dispatch_uid="search_space_renamed", weak=False
        )


OPENING_POST_ID = "search_opening_post_id"


def _opening_posts(topic_ref):
    """The opening post of a topic: its first visible post (what the topic shows)."""
    from extranet.forum.models import Post

    first = Post.objects.visible().filter(topic=topic_ref).order_by("created_at", "pk")
    return first.values("pk")


class PostBuilder(DocumentBuilder):
    model_label = "forum.Post"

    def queryset(self):
        # Which post opens each topic comes with the post: no query per post in a rebuild.
        return self.model._default_manager.select_related("topic__space").annotate(
            **{OPENING_POST_ID: Subquery(_opening_posts(OuterRef("topic"))[:1])}
        )

    def build(self, post):
        if not post.is_visible:
            return None
        if hasattr(post, OPENING_POST_ID):
            opening_id = getattr(post, OPENING_POST_ID)
        else:  # a post that did not come from queryset()
            opening_id = _opening_posts(post.topic_id).first()
            opening_id = opening_id["pk"] if opening_id else None
        if post.pk == opening_id:
            return None  # the topic's document carries it
        topic = post.topic
        return DocumentData(
            kind=Kind.POST,
            title=topic.title,
            body=plain_text(post.body),
            url=post.get_absolute_url(),
            date=post.created_at,
            **_space_fields(topic.space),
        )

    def connect(self):
        post_save.connect(
            _record_post, sender=self.model, dispatch_uid="search_post_saved", weak=False
        )
        post_delete.connect(
            _record_deleted, sender=self.model, dispatch_uid="search_post_gone", weak=False
        )


def _record(sender, instance, **kwargs):
    from search import sync

    sync.record(instance)


def _record_topic(sender, instance, created=False, **kwargs):
    """A saved topic, and every post of it: they carry its title and its space's audience, so
    a topic moved to another space (or renamed) changes who finds each of them."""
    from extranet.forum.models import Post
    from search import sync

    sync.record(instance)
    if not created:
        sync.record_many(Post, instance.posts.values_list("pk", flat=True))


def _renamed(sender, topic, **kwargs):
    _record_topic(sender, topic)


def _record_post(sender, instance, created=False, **kwargs):
    from extranet.forum.models import Post
    from search import sync

    topic = instance.topic
    # The topic shows its opening post and its last activity; one INSERT for both.
    sync.record_together(instance, topic)
    if created and (
        topic.last_activity_at is None or instance.created_at >= topic.last_activity_at
    ):
        # A new post no older than its topic's activity (every reply and new topic written by
        # the forum services) comes after every post already there, so it cannot displace the
        # opening post: the query and the two INSERTs below would change nothing (#16, reply).
        return
    # Hiding, deleting or restoring a post may change which post opens the topic: the first
    # two visible posts are the ones whose "opening or reply" status can have moved.
    for pk in _opening_posts(instance.topic_id).values_list("pk", flat=True)[:2]:
        if pk != instance.pk:
            sync.record(Post(pk=pk))


def _record_deleted(sender, instance, **kwargs):
    from search import sync

    sync.record(instance, deleted=True)


register(TopicBuilder())
register(PostBuilder())
