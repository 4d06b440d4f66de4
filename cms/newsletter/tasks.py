"""Background tasks (django-tasks) of the Flash Info. Arguments are ids: what to send and to
whom is read when the task runs. Both run on the e-mail queue (its own worker: a slow mail
server delays no indexing)."""

from functools import partial

from django.db import transaction
from django_tasks import task

from portal.mailing.retries import EMAIL_QUEUE

from . import batches, emails
from .models import Subscriber


@task(queue_name=EMAIL_QUEUE)
def send_confirmation(subscriber_id: int) -> int:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
        return 0
    return emails.confirmation_email(subscriber).send()


@task(queue_name=EMAIL_QUEUE)
def send_mailing_batch(mailing_id: int) -> dict:
    """One batch, then the next one queued while deliveries remain."""
    report = batches.send_batch(mailing_id)
    if report["remaining"]:
        transaction.on_commit(partial(send_mailing_batch.enqueue, mailing_id), robust=True)
    return report
