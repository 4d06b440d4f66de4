"""One batch of a Flash Info send (the task ``send_mailing_batch`` runs it and queues the
next while deliveries remain).

Rules:
- a batch sends at most ``BATCH_SIZE`` e-mails through one connection to the mail server: a
  worker is never busy for long, and a crash loses nothing (unsent rows stay ``pending`` and
  the next run sends them);
- an address unsubscribed since the send was queued is skipped, not sent;
- a failure to send to one address is logged on its delivery and does not stop the others;
- running a batch twice sends nothing twice: each delivery is claimed (``pending`` → ``sent``
  in one conditional update) before its e-mail goes, and a claimed row is never sent again.
"""

from django.core.mail import get_connection
from django.db.models import F
from django.utils import timezone

from .emails import issue_email, issue_template
from .models import Delivery, Mailing, Subscriber

BATCH_SIZE = 50
TAKEN = "taken"


def send_batch(mailing_id: int) -> dict:
    """Send the next batch of ``mailing_id``; say how many deliveries remain."""
    mailing = Mailing.objects.select_related("issue").get(pk=mailing_id)
    if mailing.status == Mailing.Status.DONE:
        return {"sent": 0, "remaining": 0}
    if mailing.started_at is None:
        Mailing.objects.filter(pk=mailing.pk).update(
            status=Mailing.Status.SENDING, started_at=timezone.now()
        )
    issue = mailing.issue.specific
    template = issue_template(issue)
    counts = {
        Delivery.Status.SENT: 0,
        Delivery.Status.FAILED: 0,
        Delivery.Status.SKIPPED: 0,
        TAKEN: 0,
    }
    batch = list(
        mailing.deliveries.filter(status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .order_by("pk")[:BATCH_SIZE]
    )
    with get_connection() as connection:
        for delivery in batch:
            counts[_deliver(delivery, issue, template, connection)] += 1
    Mailing.objects.filter(pk=mailing.pk).update(
        sent_count=F("sent_count") + counts[Delivery.Status.SENT],
        failed_count=F("failed_count") + counts[Delivery.Status.FAILED],
        skipped_count=F("skipped_count") + counts[Delivery.Status.SKIPPED],
    )
    remaining = mailing.deliveries.filter(status=Delivery.Status.PENDING).count()
    if not remaining:
        Mailing.objects.filter(pk=mailing.pk).update(
            status=Mailing.Status.DONE, finished_at=timezone.now()
        )
    return {"sent": counts[Delivery.Status.SENT], "remaining": remaining}


def _deliver(delivery, issue, template, connection) -> str:
    # Claim the row first: a second worker running the same batch finds it taken.
    claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING)
    subscriber = delivery.subscriber
    if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
        claimed.update(status=Delivery.Status.SKIPPED)
        return Delivery.Status.SKIPPED
    if not claimed.update(status=Delivery.Status.SENT, sent_at=timezone.now()):
        return TAKEN
    try:
        connection.send_messages([issue_email(issue, subscriber, template)])
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is logged
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        return Delivery.Status.FAILED
    return Delivery.Status.SENT
