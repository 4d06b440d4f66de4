"""A retried request is not a second creation.

A client that times out and sends its request again (a phone in a tunnel, a double click, a
script's retry) sends the same **key** (the API's ``Idempotency-Key`` header, the web forms'
hidden token). ``run_once`` creates once per user and key and answers every later request
with that key with the first result, as long as the key lives (``IDEMPOTENCY_KEY_TTL``
seconds, a day by default).

Rules that must hold:

- a key belongs to one user: another user's identical key is another key;
- the key is recorded in the **same transaction** as what it creates: a creation that fails
  (bad input, refused, crash) leaves no key, so the corrected retry creates; a key that exists
  always has its result;
- two concurrent requests with one key create once: the second insert of the key waits on the
  unique constraint for the first transaction, fails once it commits, and replays its result;
- a key sent again for another action or with other content is refused (``KeyReused``): the
  client has a bug, and answering the first result would hide it;
- an expired key is forgotten (deleted when reused, and by ``purge_expired``).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import IdempotencyKey

MAX_KEY_LENGTH = IdempotencyKey._meta.get_field("key").max_length
REUSED = (
    "Cette clé d'idempotence a déjà servi pour une autre requête (autre action ou autre "
    "contenu). Utilisez une nouvelle clé pour chaque nouvel envoi, et la même clé seulement "
    "pour renvoyer exactement la même requête."
)


class KeyReused(Exception):
    """The key was first sent for another action or with other content."""

    message = REUSED


@dataclass(frozen=True)
class Outcome:
    result: dict
    replayed: bool  # True: the key was known, nothing was created this time


def fingerprint(action, payload) -> str:
    """A digest of what was asked (the action and its content, keys sorted)."""
    text = json.dumps([action, payload], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def ttl() -> timedelta:
    return timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL)


def _live(user, key):
    return IdempotencyKey.objects.filter(
        user=user, key=key, created_at__gte=timezone.now() - ttl()
    ).first()


def _replay(record, digest) -> Outcome:
    if record.fingerprint != digest:
        raise KeyReused()
    return Outcome(record.result, replayed=True)


def run_once(user, key, action, payload, create) -> Outcome:
    """``create()`` once for ``user`` and ``key``; its result (a JSON-able dict) replayed after.

    ``action`` names what is created and where (``"forum.reply:12"``), ``payload`` what was
    sent; both make the fingerprint a later request must match. ``create`` runs inside the
    transaction that records the key: whatever it raises propagates and records nothing.
    """
    digest = fingerprint(action, payload)
    record = _live(user, key)
    if record is not None:
        return _replay(record, digest)
    try:
        with transaction.atomic():
            # An expired key with the same value is forgotten, not an obstacle.
            IdempotencyKey.objects.filter(
                user=user, key=key, created_at__lt=timezone.now() - ttl()
            ).delete()
            record = IdempotencyKey.objects.create(
                user=user, key=key, action=action[:100], fingerprint=digest
            )
            result = create()
            record.result = result
            record.save(update_fields=["result"])
    except IntegrityError:
        # A concurrent request with this key committed first (the unique constraint): answer
        # what it created. Any other integrity error is not ours to hide.
        record = _live(user, key)
        if record is None:
            raise
        return _replay(record, digest)
    return Outcome(result, replayed=False)


def purge_expired(now=None) -> int:
    """Delete the keys older than their life; returns how many (run by the scheduler)."""
    limit = (now or timezone.now()) - ttl()
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=limit).delete()
    return deleted
