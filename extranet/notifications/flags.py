"""Telling a space's moderators that a post was flagged (``forum.moderation.post_flagged``).

Rules (tests/extranet/notifications/test_flag_notifications.py):
- who: the active moderators and owners of the post's space, never the member who flagged;
  each one still allowed to moderate the space when the task runs (a moderator demoted
  meanwhile gets nothing);
- when: the first open flag of a post puts it in the queue, and that is what moderators are
  told; further flags of a post already waiting only raise the count in the space's
  navigation (ten members flagging one post make one notification, not ten);
- how: always in the in-app list (kind « Signalement », which leads to the queue: their work
  list, whatever their settings); by e-mail unless their level for the space is « Silence »
  (``NotificationLevel.MUTED``), like every other e-mail of the space;
- the reason is given, the flagger's name is not (the queue shows it to moderators).
The decision is made when the task runs, after the flag is committed, from ids.
"""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import receiver
from django_tasks import task

from extranet.forum.models import Flag, FlagStatus
from extranet.forum.moderation import post_flagged
from extranet.spaces import permissions as space_permissions
from extranet.spaces.roles import Role
from portal.mailing.delivery import send_once
from portal.mailing.retries import EMAIL_QUEUE, retried

from . import inbox
from .emails import flag_email
from .models import DEFAULT_LEVEL, NotificationLevel, SpaceSubscription

MODERATING_ROLES = (Role.MODERATOR, Role.OWNER)


@receiver(post_flagged, dispatch_uid="notifications_post_flagged")
def _post_flagged(sender, flag, **kwargs):
    # robust=True: a queue that cannot be reached must not turn a saved flag into an error.
    transaction.on_commit(partial(notify_flag.enqueue, flag.pk), robust=True)


@task(queue_name=EMAIL_QUEUE)
@retried
def notify_flag(flag_id: int) -> int:
    return send_flag_notifications(flag_id)


def opens_the_queue(flag) -> bool:
    """Whether ``flag`` is the first open flag of its post (the one that queued it)."""
    earlier = Flag.objects.filter(post_id=flag.post_id, status=FlagStatus.OPEN, pk__lt=flag.pk)
    return flag.status == FlagStatus.OPEN and not earlier.exists()


def moderator_recipients(flag) -> list[tuple]:
    """(moderator, by_email) pairs for ``flag``."""
    space = flag.post.topic.space
    moderators = (
        get_user_model()
        .objects.filter(
            is_active=True,
            space_memberships__space=space,
            space_memberships__role__in=MODERATING_ROLES,
        )
        .exclude(pk=flag.member_id)
        .order_by("pk")
        .distinct()
    )
    moderators = [user for user in moderators if space_permissions.can_moderate(user, space)]
    levels = dict(
        SpaceSubscription.objects.filter(
            space=space, user_id__in=[user.pk for user in moderators]
        ).values_list("user_id", "level")
    )
    return [
        (user, levels.get(user.pk, DEFAULT_LEVEL) != NotificationLevel.MUTED) for user in moderators
    ]


def send_flag_notifications(flag_id) -> int:
    """Record the in-app notifications and e-mail the moderators of a flag's space; returns
    the number of e-mails sent now (each moderator once per flag, retries included)."""
    flag = (
        Flag.objects.select_related("post__topic__space", "post__author").filter(pk=flag_id).first()
    )
    if flag is None or not opens_the_queue(flag):
        return 0
    recipients = moderator_recipients(flag)
    inbox.record_flag(flag, [user for user, _ in recipients])
    return send_once(
        (f"flag:{flag.pk}:user:{user.pk}", partial(flag_email, flag, user))
        for user, by_email in recipients
        if by_email
    )
