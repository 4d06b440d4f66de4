"""Forum topics of the extranet spaces: audience ``space:<id>``.

A topic and its replies are **one** search document (#10 §2): its title, then the text of its
visible posts, oldest first. A search finds the conversation once, « 3 réponses
correspondent » (``search.threads``) rather than the same title once per matching reply, and
every engine counts, pages and facets conversations by construction.

- a topic is searchable while its space's members see it
  (``extranet.forum.permissions.is_topic_shown_to_members``, what its page asks): once every
  post is hidden or deleted, only moderators open it, and audiences cannot name them, so it
  leaves search;
- a post hidden by a moderator or deleted by its author is not part of its topic's text
  (``Post.objects.visible()``, what the members see on the page);
- any change to a post (new, edited, hidden, restored, deleted) re-indexes its topic; renaming
  a space re-indexes its content (the space name is shown on each result).

The price: a reply re-reads its whole topic when the outbox is applied, so the cost of
indexing a reply grows with the conversation. Text beyond ``THREAD_TEXT_LIMIT`` characters is
left out (the oldest posts are kept: the question and the first answers), which also keeps
PostgreSQL's ``tsvector`` under its 1 MB limit.
"""

from collections import defaultdict

from django.db.models.signals import post_delete, post_save

from extranet.forum.permissions import is_topic_shown_to_members
from extranet.forum.signals import topic_renamed
from search.indexing import DocumentData
from search.models import Kind, space_audience

from . import DocumentBuilder, plain_text, register

#: Characters of a conversation's text that are indexed (title not included).
THREAD_TEXT_LIMIT = 200_000


def _space_fields(space):
    return {"audience": space_audience(space.pk), "space_id": space.pk, "space_name": space.name}


def visible_bodies(topic_ids):
    """``{topic id: [body, …]}``: the HTML of each topic's visible posts, oldest first, in one
    query for a whole chunk of topics (a rebuild reads 500 topics at a time)."""
    from extranet.forum.models import Post

    bodies = defaultdict(list)
    posts = Post.objects.visible().filter(topic_id__in=topic_ids).order_by("created_at", "pk")
    for topic_id, body in posts.values_list("topic_id", "body").iterator(chunk_size=2000):
        bodies[topic_id].append(body)
    return bodies


def thread_text(bodies):
    """The conversation's text: each post's words, posts kept apart, at most
    ``THREAD_TEXT_LIMIT`` characters (whole posts, the oldest first)."""
    parts, length = [], 0
    for body in bodies:
        text = plain_text(body)
        if not text:
            continue
        if length + len(text) > THREAD_TEXT_LIMIT:
            break
        parts.append(text)
        length += len(text) + 1
    return " ".join(parts)


class TopicBuilder(DocumentBuilder):
    model_label = "forum.Topic"

    def queryset(self):
        return self.model._default_manager.select_related("space")

    def build(self, topic):
        return self._build(topic, visible_bodies([topic.pk]).get(topic.pk, []))

    def build_many(self, topics):
        topics = list(topics)
        bodies = visible_bodies([topic.pk for topic in topics if is_topic_shown_to_members(topic)])
        return [(topic, self._build(topic, bodies.get(topic.pk, []))) for topic in topics]

    def _build(self, topic, bodies):
        if not is_topic_shown_to_members(topic):
            return None
        return DocumentData(
            kind=Kind.TOPIC,
            title=topic.title,
            body=thread_text(bodies),
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


class PostBuilder(DocumentBuilder):
    """A post has no document of its own: its text is in its topic's. The builder stays
    registered so that the post documents of earlier versions (kind ``message``, re-queued
    by migration 0016) are deleted when the outbox replays them, and so that a rebuild
    deletes any that remain (no source builds them any more)."""

    model_label = "forum.Post"

    def queryset(self):
        return self.model._default_manager.none()

    def build(self, post):
        return None

    def connect(self):
        post_save.connect(
            _record_post, sender=self.model, dispatch_uid="search_post_saved", weak=False
        )
        post_delete.connect(
            _record_post, sender=self.model, dispatch_uid="search_post_gone", weak=False
        )


def _record_topic(sender, instance, **kwargs):
    """A saved topic (moved to another space, renamed, its activity or post count changed)."""
    from search import sync

    sync.record(instance)


def _renamed(sender, topic, **kwargs):
    _record_topic(sender, topic)


def _record_post(sender, instance, **kwargs):
    """Any change to a post changes its topic's text: the topic is re-indexed."""
    from extranet.forum.models import Topic
    from search import sync

    sync.record(Topic(pk=instance.topic_id))


def _record_deleted(sender, instance, **kwargs):
    from search import sync

    sync.record(instance, deleted=True)


register(TopicBuilder())
register(PostBuilder())
