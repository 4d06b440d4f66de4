"""Who is notified of a post (in the list and by e-mail), decided when the task runs (not when
the post was made).

Rules, for the members of the post's space:
- never the author; never an inactive account; never someone who is not (or no longer) a
  member: a removed member or a deactivated account gets nothing, even if queued before;
- every recipient must still be allowed to see the post (``forum.permissions.can_view_post``,
  asked at send time) and the post must still be visible to members (a post hidden or deleted
  before the worker ran is not sent);
- levels (``NotificationLevel``), the topic's when the member chose one, else the space's:

  ============  ===========================  ======================================
  level         of the space                 of the topic
  ============  ===========================  ======================================
  watching      new topics, every reply,     every reply, mentions
                mentions
  normal        new topics, mentions, the    mentions only (the member stopped
  (default)     replies to topics the        following it)
                member took part in
  muted         nothing, mentions included   nothing, mentions included
  ============  ===========================  ======================================

  "Took part in": opened the topic or wrote a post of it that members still see;
- a member mentioned in a post gets one notification, the mention, not a second "reply" one.
"""

from django.contrib.auth import get_user_model

from extranet.forum import permissions as forum_permissions
from extranet.forum.models import Post

from .models import (
    DEFAULT_LEVEL,
    NotificationKind,
    NotificationLevel,
    SpaceSubscription,
    TopicSubscription,
)

NEW_TOPIC = NotificationKind.NEW_TOPIC
REPLY = NotificationKind.REPLY
MENTION = NotificationKind.MENTION
WATCHING, NORMAL, MUTED = (
    NotificationLevel.WATCHING,
    NotificationLevel.NORMAL,
    NotificationLevel.MUTED,
)


def _members(space, exclude_user_id):
    return (
        get_user_model()
        .objects.filter(is_active=True, space_memberships__space=space)
        .exclude(pk=exclude_user_id)
        .order_by("pk")
    )


def _space_levels(space, user_ids):
    rows = SpaceSubscription.objects.filter(space=space, user_id__in=user_ids).order_by()
    return dict(rows.values_list("user_id", "level"))


def _topic_levels(topic, user_ids):
    rows = TopicSubscription.objects.filter(topic=topic, user_id__in=user_ids).order_by()
    return dict(rows.values_list("user_id", "level"))


def participants(topic) -> set:
    """Ids of the members who opened ``topic`` or wrote a post of it members still see."""
    authors = set(
        Post.objects.visible()
        .filter(topic=topic)
        .exclude(author__isnull=True)
        .order_by()
        .values_list("author_id", flat=True)
        .distinct()
    )
    if topic.author_id:
        authors.add(topic.author_id)
    return authors


def reason_for(*, space_level, topic_level, mentioned, new_topic, took_part):
    """The kind of notification a member gets for a post, or ``None``: the table above."""
    if topic_level == MUTED or (topic_level is None and space_level == MUTED):
        return None
    if mentioned:
        return MENTION
    if new_topic:
        return NEW_TOPIC
    if topic_level == WATCHING:
        return REPLY
    if topic_level is None and (space_level == WATCHING or took_part):
        return REPLY
    return None


def post_recipients(post, *, new_topic) -> list[tuple]:
    """(user, kind) pairs for a new post; kind is NEW_TOPIC, REPLY or MENTION."""
    if not post.is_visible:
        return []
    topic = post.topic
    members = list(_members(topic.space, post.author_id))
    ids = [user.pk for user in members]
    space_levels = _space_levels(topic.space, ids)
    topic_levels = _topic_levels(topic, ids)
    mentioned = set(post.mentions.values_list("user_id", flat=True))
    took_part = set() if new_topic else participants(topic)
    recipients = []
    for user in members:
        reason = reason_for(
            space_level=space_levels.get(user.pk, DEFAULT_LEVEL),
            topic_level=topic_levels.get(user.pk),
            mentioned=user.pk in mentioned,
            new_topic=new_topic,
            took_part=user.pk in took_part,
        )
        if reason and forum_permissions.can_view_post(user, post):
            recipients.append((user, reason))
    return recipients


def mention_recipients(post, user_ids) -> list:
    """Members newly mentioned by an edit who still want mentions and may see the post."""
    if not post.is_visible:
        return []
    topic = post.topic
    members = list(_members(topic.space, post.author_id).filter(pk__in=list(user_ids)))
    ids = [user.pk for user in members]
    space_levels = _space_levels(topic.space, ids)
    topic_levels = _topic_levels(topic, ids)
    return [
        user
        for user in members
        if reason_for(
            space_level=space_levels.get(user.pk, DEFAULT_LEVEL),
            topic_level=topic_levels.get(user.pk),
            mentioned=True,
            new_topic=False,
            took_part=False,
        )
        and forum_permissions.can_view_post(user, post)
    ]
