"""The in-app list of notifications: recording them, reading them, the unread count.

- Recorded by the notification task with the e-mails, from the same decision
  (``recipients``), once per member and post (``Notification``'s unique constraint: a retried
  task records nothing twice).
- Listed only while the member may still see the post: in a space they can see
  (``spaces.permissions.filter_spaces_queryset``), neither hidden by a moderator nor deleted;
  and a flag's notification only while they may still handle the space's queue
  (``forum.permissions.filter_flag_handling_spaces_queryset``). A moderator demoted since
  no longer has that work to do: like Discourse's review notifications, the entry leaves
  their list and their count rather than staying as a link to a queue that answers 404 (or
  as a dead entry that only says a post of others was flagged, which is not theirs to
  know any more). Asked at each request, so a promotion brings it back. The rules are
  queryset filters, so the list costs one query whatever its length.
- The unread count (the header's badge, on every extranet page) is cached per member; what
  drops it (recording, reading, a post hidden, a space left, a role changed…) is declared in
  ``portal.fragments.registry`` (``UNREAD_COUNT``), which bumps it for every write path. The
  cache is an optimisation only: a missing entry costs one indexed count.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from extranet.forum.models import visible_posts
from extranet.forum.permissions import filter_flag_handling_spaces_queryset
from extranet.spaces.permissions import filter_spaces_queryset
from portal.fragments import writes
from portal.fragments.registry import UNREAD_COUNT

from .models import Notification, NotificationKind

UNREAD_CACHE_SECONDS = 300


def record(post, recipients) -> int:
    """Add ``post`` to the list of each ``(user, kind)`` of ``recipients``; returns how many
    were new."""
    rows = [
        Notification(user=user, post=post, kind=kind, created_at=post.created_at)
        for user, kind in recipients
    ]
    if not rows:
        return 0
    before = Notification.objects.filter(post=post).count()
    writes.bulk_create(Notification, rows, ignore_conflicts=True)
    return Notification.objects.filter(post=post).count() - before


def record_flag(flag, users) -> None:
    """Tell ``users`` (moderators) that ``flag`` put its post in the queue. A post queued
    again after an earlier decision brings its notification back, unread, at the flag's date
    (one per moderator and post: ``Notification``'s unique constraint)."""
    if not users:
        return
    rows = [
        Notification(user=user, post_id=flag.post_id, kind=NotificationKind.FLAG) for user in users
    ]
    writes.bulk_create(Notification, rows, ignore_conflicts=True)
    writes.update(
        Notification.objects.filter(
            post_id=flag.post_id, kind=NotificationKind.FLAG, user__in=users
        ),
        read_at=None,
        created_at=flag.created_at,
    )


def visible_notifications(user):
    """The member's notifications they may still follow, newest first."""
    moderated = filter_flag_handling_spaces_queryset(user).values("pk")
    return (
        Notification.objects.filter(
            visible_posts("post__"),
            user_id=user.pk,
            post__topic__space__in=filter_spaces_queryset(user).values("pk"),
        )
        .exclude(Q(kind=NotificationKind.FLAG) & ~Q(post__topic__space__in=moderated))
        .select_related("post__topic__space", "post__author")
        .order_by("-created_at", "-pk")
    )


def unread_count(user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    key = UNREAD_COUNT.key(user.pk)
    count = cache.get(key)
    if count is None:
        count = visible_notifications(user).unread().count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def mark_read(user, notification_ids=None) -> int:
    """Mark the member's notifications read (all of them when ``notification_ids`` is None)."""
    unread = Notification.objects.filter(user_id=user.pk, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return writes.update(unread, read_at=timezone.now())


def mark_read_for_topic(user, topic) -> int:
    """Reading a topic reads its notifications too (called by the topic page)."""
    unread = Notification.objects.filter(
        user_id=user.pk, read_at__isnull=True, post__topic_id=topic.pk
    )
    return writes.update(unread, read_at=timezone.now())
