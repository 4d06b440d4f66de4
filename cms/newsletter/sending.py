"""Sending a newsletter issue to the subscribers: queued from the admin, sent in batches by
the task queue.

Rules:
- only a live issue can be sent, and only once (``Mailing.issue`` is unique);
- the recipients are the addresses confirmed when the send is queued (one ``Delivery`` each,
  written at once: the list is fixed and the progress is counted against it);
- the e-mails go out in batches (``cms.newsletter.batches``), one task each.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction

from .emails import issue_subject, test_issue_email
from .models import Delivery, Mailing, Subscriber
from .tasks import send_mailing_batch


def check_can_send(issue):
    """Raise ``ValidationError`` (French message) when ``issue`` cannot be sent."""
    if not issue.live:
        raise ValidationError("Ce Flash Info n'est pas publié : publiez-le avant de l'envoyer.")
    if Mailing.objects.filter(issue=issue).exists():
        raise ValidationError("Ce Flash Info a déjà été envoyé aux abonné·e·s.")


def queue_mailing(issue, user) -> Mailing:
    check_can_send(issue)
    with transaction.atomic():
        mailing = Mailing.objects.create(issue=issue, subject=issue_subject(issue), created_by=user)
        subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        Delivery.objects.bulk_create(
            Delivery(mailing=mailing, subscriber_id=pk, email=email)
            for pk, email in subscribers.values_list("pk", "email").iterator()
        )
        mailing.recipient_count = mailing.deliveries.count()
        mailing.save(update_fields=["recipient_count"])
        transaction.on_commit(partial(send_mailing_batch.enqueue, mailing.pk), robust=True)
    return mailing


def send_test(issue, to: str) -> int:
    """The issue to ``to`` alone (staff checking it before the real send)."""
    with get_connection() as connection:
        return connection.send_messages([test_issue_email(issue, to)]) or 0
