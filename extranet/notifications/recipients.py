"""Who is e-mailed about a post, decided when the e-mail is sent (not when the post was made).

Rules, for the members of the post's space:
- never the author; never an inactive account; never someone who is not (or no longer) a
  member: a removed member or a deactivated account gets nothing, even if queued before;
- every recipient must still be allowed to see the post (``forum.permissions.can_view_post``,
  asked at send time) and the post must still be visible to members (a post hidden or deleted
  before the worker ran is not sent);
- level "none": nothing, not even mentions; "mentions": only when mentioned; "all": new
  topics, replies and mentions;
- a member mentioned in a post gets one e-mail, the mention one, not a second "reply" one.
"""

from django.contrib.auth import get_user_model

from extranet.forum import permissions as forum_permissions

from .models import DEFAULT_LEVEL, NotificationLevel, SpaceSubscription

NEW_TOPIC = "new_topic"
REPLY = "reply"
MENTION = "mention"


def _members(space, exclude_user_id):
    return (
        get_user_model()
        .objects.filter(is_active=True, space_memberships__space=space)
        .exclude(pk=exclude_user_id)
        .order_by("pk")
    )


def _levels(space, users):
    rows = SpaceSubscription.objects.filter(space=space, user__in=[user.pk for user in users])
    return {user_id: level for user_id, level in rows.values_list("user_id", "level")}


def post_recipients(post, *, new_topic) -> list[tuple]:
    """(user, reason) pairs for a new post; reason is NEW_TOPIC, REPLY or MENTION."""
    if not post.is_visible:
        return []
    space = post.topic.space
    members = list(_members(space, post.author_id))
    levels = _levels(space, members)
    mentioned = set(post.mentions.values_list("user_id", flat=True))
    recipients = []
    for user in members:
        level = levels.get(user.pk, DEFAULT_LEVEL)
        if level == NotificationLevel.NONE:
            continue
        if user.pk in mentioned:
            reason = MENTION
        elif level == NotificationLevel.ALL:
            reason = NEW_TOPIC if new_topic else REPLY
        else:
            continue
        if forum_permissions.can_view_post(user, post):
            recipients.append((user, reason))
    return recipients


def mention_recipients(post, user_ids) -> list:
    """Members newly mentioned by an edit who still want mentions and may see the post."""
    if not post.is_visible:
        return []
    space = post.topic.space
    members = list(_members(space, post.author_id).filter(pk__in=list(user_ids)))
    levels = _levels(space, members)
    return [
        user
        for user in members
        if levels.get(user.pk, DEFAULT_LEVEL) != NotificationLevel.NONE
        and forum_permissions.can_view_post(user, post)
    ]
