"""Sending the forum's e-mails; called by the tasks (``tasks.py``), which the forum services
enqueue once their transaction is committed."""

from functools import partial

from extranet.forum.models import Post
from portal.mailing.delivery import send_once

from . import inbox
from .emails import post_email
from .recipients import MENTION, mention_recipients, post_recipients


def _post(post_id):
    return Post.objects.select_related("topic__space", "author").filter(pk=post_id).first()


def send_post_notifications(post_id, *, new_topic) -> int:
    """E-mail the members concerned by a new topic or reply, each once (a retry after a mail
    server's failure serves only those left); returns the number sent now."""
    post = _post(post_id)
    if post is None:  # deleted before the worker ran
        return 0
    recipients = post_recipients(post, new_topic=new_topic)
    inbox.record(post, recipients)  # the in-app list, before the mail server can fail
    return send_once(
        (f"post:{post.pk}:user:{user.pk}", partial(post_email, post, user, reason))
        for user, reason in recipients
    )


def send_mention_notifications(post_id, user_ids) -> int:
    """E-mail members newly mentioned by an edit; returns the number sent."""
    post = _post(post_id)
    if post is None:
        return 0
    users = mention_recipients(post, user_ids)
    inbox.record(post, [(user, MENTION) for user in users])
    return send_once(
        (f"mention:{post.pk}:user:{user.pk}", partial(post_email, post, user, MENTION))
        for user in users
    )
