"""Background tasks (django-tasks) sending the extranet's e-mails.

The forum enqueues them with ``announce_post``/``announce_mentions`` once its transaction is
committed (``transaction.on_commit``): posting never waits for e-mail, and a rolled-back post
sends nothing. Arguments are ids: what to send and to whom is decided when the task runs.
"""

from functools import partial

from django.db import transaction
from django_tasks import task

from portal.mailing.retries import EMAIL_QUEUE, retried

from . import digest, services

# On the e-mail queue (its own worker: a hung mail server delays no other work), retried with
# backoff when the server fails; each recipient is served once (portal.mailing).


@task(queue_name=EMAIL_QUEUE)
@retried
def notify_new_post(post_id: int, new_topic: bool) -> int:
    return services.send_post_notifications(post_id, new_topic=new_topic)


@task(queue_name=EMAIL_QUEUE)
@retried
def notify_mentions(post_id: int, user_ids: list[int]) -> int:
    return services.send_mention_notifications(post_id, user_ids)


@task(queue_name=EMAIL_QUEUE)
def send_digests(frequency: str) -> dict:
    """Periodic entry point (scheduled by cron through ``manage.py send_digests`` or enqueued)."""
    report = digest.send_digests(frequency)
    return {
        "sent": report.sent,
        "empty": report.empty,
        "already_sent": report.already_sent,
        "failed": report.failed,
    }


def announce_post(post, *, new_topic):
    # robust=True: a queue that cannot be reached must not turn a saved post into an error.
    transaction.on_commit(partial(notify_new_post.enqueue, post.pk, new_topic), robust=True)


def announce_mentions(post, users):
    user_ids = [user.pk for user in users]
    if user_ids:
        transaction.on_commit(partial(notify_mentions.enqueue, post.pk, user_ids), robust=True)
