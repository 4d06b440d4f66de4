"""A rebuild replays every write it may have missed (``engine_indexes.replay_from``).

A write stamps ``updated_at`` before its transaction commits. A rebuild that starts in between
reads the row as it was, and the write's own push can reach the old index just before the
swap: the replay must start before that write's transaction, not at the rebuild's start.
"""

import pytest
from django.db import connection, connections
from django.utils import timezone

from search import engine_indexes
from search.models import SearchDocument
from tests.factories.search import make_document

POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL says when a transaction began"
)


@pytest.mark.django_db
def test_the_replay_starts_a_margin_before_the_rebuild_when_no_transaction_is_open():
    before = timezone.now()
    since = engine_indexes.replay_from()
    after = timezone.now()

    assert since <= after - engine_indexes.REPLAY_MARGIN
    if connection.vendor != "postgresql":
        assert since >= before - engine_indexes.REPLAY_MARGIN


@pytest.fixture
def other_connection():
    """A second connection to the test database, as another server process would hold."""
    other = connections.create_connection("default")
    other.ensure_connection()
    yield other
    other.close()


@POSTGRES
@pytest.mark.django_db(transaction=True)
def test_a_write_committed_after_the_rebuild_started_is_replayed(other_connection):
    document = make_document("Panorama de presse", index=False)
    other_connection.set_autocommit(False)
    with other_connection.cursor() as cursor:
        # The write is stamped (here by the database's clock, as the application's would be)
        # and left uncommitted while the rebuild starts and reads the old row.
        cursor.execute(
            "UPDATE search_searchdocument SET title = %s, updated_at = now() WHERE id = %s",
            ["Panorama de presse n° 2", document.pk],
        )
        cursor.execute("SELECT now()")
        (stamped,) = cursor.fetchone()

    since = engine_indexes.replay_from()
    other_connection.commit()

    assert since <= stamped - engine_indexes.REPLAY_MARGIN
    assert document.pk in engine_indexes.changed_during(since)
    assert SearchDocument.objects.get(pk=document.pk).title == "Panorama de presse n° 2"
