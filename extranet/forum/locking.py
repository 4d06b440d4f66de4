"""Row locks of the forum's writes: held briefly, and never waited on for long.

A web worker that stops while holding a topic's row lock (frozen, paused, its database
connection left open) must not freeze every other worker replying to that topic. Two rules:

- the work that needs no lock (rendering Markdown, cleaning HTML, resolving @mentions) is done
  by the services *before* the transaction that locks; only the writes happen under the lock;
- on PostgreSQL each locking transaction sets ``lock_timeout`` (``FORUM_LOCK_TIMEOUT_MS``,
  3 s by default) with ``SET LOCAL``: a writer that cannot get a lock in that time gives up,
  everything it wrote is rolled back, and it raises ``TopicBusy`` (the web shows the form
  again with its message; the API answers 503 with ``Retry-After``). ``SET LOCAL`` ends with
  the transaction, or with the savepoint when the services run inside one (the idempotency
  key's transaction), so no other statement of the connection inherits it.

SQLite has no row locks (one writer at a time, its own ``timeout``): nothing to set there.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db import OperationalError, connection, transaction
from django.http import Http404

BUSY = "Le sujet est très sollicité, réessayez dans un instant."
#: PostgreSQL's SQLSTATE for ``lock_timeout`` expired (lock_not_available).
LOCK_NOT_AVAILABLE = "55P03"


class TopicBusy(ValidationError):
    """A lock could not be had within ``FORUM_LOCK_TIMEOUT_MS``; nothing was written.

    A ``ValidationError`` (not tied to a field) so that every form showing the services'
    errors shows this one too; the API answers it 503 before its generic 400."""

    def __init__(self):
        super().__init__({NON_FIELD_ERRORS: [BUSY]})

    #: Seconds a client should wait before retrying (``Retry-After``).
    retry_after = 1


def _lock_not_available(error) -> bool:
    return getattr(error.__cause__, "sqlstate", None) == LOCK_NOT_AVAILABLE


@contextmanager
def locking_transaction():
    """``transaction.atomic()`` whose lock waits are bounded; raises ``TopicBusy`` instead of
    waiting longer. The savepoint (or transaction) is rolled back before it is raised."""
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # An int from the settings: nothing to quote (SET takes no parameters).
                timeout = int(settings.FORUM_LOCK_TIMEOUT_MS)
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = {timeout}")
            yield
    except OperationalError as error:
        if _lock_not_available(error):
            raise TopicBusy() from error
        raise


def lock(queryset, pk, not_found):
    """Fetch and lock one row for the rest of the transaction; 404 if it vanished meanwhile.

    ``of=("self",)`` locks that row only, not the joined space: replies in different topics of
    one space never wait for each other.
    """
    try:
        return queryset.select_for_update(of=("self",)).get(pk=pk)
    except ObjectDoesNotExist:
        raise Http404(not_found) from None
