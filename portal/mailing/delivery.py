"""Send a batch of messages, each at most once per key, and say who could not be served.

A batch (the members notified of a post) shares one connection. Each message accepted by the
server is recorded at once (``SentEmail``); when the server refuses or is unreachable, the
remaining messages are counted as failed and ``Undelivered`` is raised after the batch, so the
task is retried (``retries``) and serves only those left. A message is built only when it is
still to be sent: a retry does not render again what went out.

Exactly once holds except in one window: the process dying between the server's acceptance
and the record (milliseconds). Then the message is sent again, which beats losing it.
"""

import contextlib
import logging
import smtplib
import socket

from django.core.mail import get_connection
from django.db import IntegrityError

from .models import SentEmail

logger = logging.getLogger(__name__)

#: What a mail server's outage looks like from here (refused, reset, timed out, rejected).
MAIL_ERRORS = (smtplib.SMTPException, OSError, socket.timeout)


class Undelivered(Exception):
    def __init__(self, sent, failed):
        super().__init__(f"{failed} e-mail(s) non envoyé(s), {sent} envoyé(s)")
        self.sent = sent
        self.failed = failed


def send_once(batch) -> int:
    """``batch``: iterable of ``(key, build)`` where ``build()`` returns the message.
    Returns the number of messages sent now; raises ``Undelivered`` if some could not be."""
    batch = list(batch)
    if not batch:
        return 0
    done = set(
        SentEmail.objects.filter(key__in=[key for key, _ in batch]).values_list("key", flat=True)
    )
    pending = [(key, build) for key, build in batch if key not in done]
    if not pending:
        return 0
    sent = failed = 0
    try:
        connection = get_connection()
        connection.open()
    except MAIL_ERRORS:
        logger.warning("Serveur de messagerie injoignable : %d e-mail(s) en attente", len(pending))
        raise Undelivered(sent=0, failed=len(pending)) from None
    try:
        for key, build in pending:
            try:
                accepted = connection.send_messages([build()])
            except MAIL_ERRORS:
                logger.warning("E-mail %s refusé par le serveur de messagerie", key, exc_info=True)
                failed += 1
                continue
            if not accepted:
                failed += 1
                continue
            # IntegrityError: a concurrent run served this one too; nothing more to do.
            with contextlib.suppress(IntegrityError):
                SentEmail.objects.create(key=key)
            sent += 1
    finally:
        with contextlib.suppress(*MAIL_ERRORS):
            connection.close()
    if failed:
        raise Undelivered(sent=sent, failed=failed)
    return sent
