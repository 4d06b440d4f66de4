"""Subscribing and unsubscribing, with double opt-in.

Rules:
- an address is subscribed only once its owner follows the link sent to it (double opt-in);
  the link is valid ``CONFIRMATION_DAYS`` days;
- the answer to a subscription request is the same whatever the address's state, so the form
  never tells who is subscribed; a confirmation e-mail goes out at most once every
  ``RESEND_MINUTES`` minutes per address (the form cannot be used to flood a mailbox);
- an already confirmed address gets nothing more;
- unsubscribing takes effect at once and needs no account: the link of every issue carries the
  address's secret token; an unsubscribed address receives nothing, not even the issue whose
  send is under way.
"""

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import Subscriber
from .tasks import send_confirmation

CONFIRMATION_DAYS = 7
RESEND_MINUTES = 10


def normalise(email: str) -> str:
    return email.strip().lower()


def request_subscription(email: str) -> Subscriber:
    """Record the request and queue the confirmation e-mail when one is due."""
    email = normalise(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email)
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber
        recent = subscriber.confirmation_sent_at and (
            now - subscriber.confirmation_sent_at < timedelta(minutes=RESEND_MINUTES)
        )
        if recent and subscriber.status == Subscriber.Status.PENDING:
            return subscriber
        subscriber.status = Subscriber.Status.PENDING
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["status", "confirmation_sent_at"])
        transaction.on_commit(partial(send_confirmation.enqueue, subscriber.pk), robust=True)
    return subscriber


def _by_token(token: str):
    return Subscriber.objects.filter(token=token).first() if token else None


def confirm(token: str) -> Subscriber | None:
    """Confirm the subscription of ``token``'s address; ``None`` when the link is unknown or
    has expired. Confirming twice is harmless."""
    subscriber = _by_token(token)
    if subscriber is None:
        return None
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber
    sent = subscriber.confirmation_sent_at
    if (
        subscriber.status != Subscriber.Status.PENDING
        or sent is None
        or timezone.now() - sent > timedelta(days=CONFIRMATION_DAYS)
    ):
        return None
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


def subscriber_for_unsubscribe(token: str) -> Subscriber | None:
    return _by_token(token)


def unsubscribe(token: str) -> Subscriber | None:
    subscriber = _by_token(token)
    if subscriber is None:
        return None
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber
