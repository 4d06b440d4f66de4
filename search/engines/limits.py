"""How long a search may take before it counts as failed, and the service answers from the
fallback instead: a time bound per engine request, a statement timeout on PostgreSQL."""

from contextlib import contextmanager

from django.conf import settings
from django.db import connections, router, transaction

from cms import compiled
from search.models import SearchDocument

#: Longest an engine search or suggestion may take, in seconds (``SEARCH_ENGINE_TIMEOUT``).
DEFAULT_ENGINE_TIMEOUT = 1.0
#: Longest a search statement may run on PostgreSQL (``SEARCH_STATEMENT_TIMEOUT_MS``).
DEFAULT_STATEMENT_TIMEOUT_MS = 1000


def engine_timeout():
    return float(getattr(settings, "SEARCH_ENGINE_TIMEOUT", DEFAULT_ENGINE_TIMEOUT))


def statement_timeout_ms():
    return getattr(settings, "SEARCH_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS)


def _settings(milliseconds, planner):
    return {"statement_timeout": f"{int(milliseconds)}ms", **(planner or {})}


def fetch_all_limited(sql, params, milliseconds, using=None, planner=None):
    """The rows of one statement that PostgreSQL cancels after ``milliseconds`` (an
    ``OperationalError``, a ``DatabaseError``, which the service turns into the fallback), run
    with the ``planner`` settings; the settings end with it.

    Outside a transaction (autocommit: how a request runs), the settings travel with the
    statement in one message, ``SELECT set_config(…, true); <statement>``, which PostgreSQL
    runs as one implicit transaction: they apply to the statement and end with it. One round
    trip, where a transaction around them took three (``BEGIN``, the settings, ``COMMIT``:
    ≈ 0.3 ms of CPU per search, #16). Django's PostgreSQL cursors bind parameters on the
    client and send the text as a simple query, which may hold several statements; with
    ``server_side_binding`` (prepared statements: one statement each), and inside a
    transaction, ``statement_time_limit`` (a savepoint, then the previous values put back).
    """
    using = using or router.db_for_read(SearchDocument)
    connection = connections[using]
    if (
        not milliseconds
        or not compiled.sends_several(connection)
        or not connection.get_autocommit()
    ):
        with (
            statement_time_limit(milliseconds, using=using, planner=planner),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, params)
            return cursor.fetchall()
    values = _settings(milliseconds, planner)
    new = ", ".join("set_config(%s, %s, true)" for _ in values)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {new}; {sql}", [*(part for item in values.items() for part in item), *params]
        )
        cursor.nextset()  # the statement's rows, after the settings' one
        return cursor.fetchall()


@contextmanager
def statement_time_limit(milliseconds, using=None, planner=None):
    """Run the block in a transaction whose statements PostgreSQL cancels after
    ``milliseconds`` (``SET LOCAL statement_timeout``): the cancelled statement raises an
    ``OperationalError`` (a ``DatabaseError``), which the service turns into the fallback.
    ``planner``: other settings for the same transaction (``{"work_mem": "32MB"}``).

    They all end with the transaction. Inside an outer transaction (``ATOMIC_REQUESTS``,
    tests) the block is a savepoint, after which a ``SET LOCAL`` would outlive the search:
    the previous values are put back. Other databases: no limit (SQLite has no such setting).
    """
    using = using or router.db_for_read(SearchDocument)
    connection = connections[using]
    if connection.vendor != "postgresql" or not milliseconds:
        yield
        return
    values = _settings(milliseconds, planner)
    names = list(values)
    nested = connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            # Read the values in force, then set ours (the select list is evaluated in order).
            current = ", ".join("current_setting(%s)" for _ in names)
            new = ", ".join("set_config(%s, %s, true)" for _ in names)
            cursor.execute(
                f"SELECT {current}, {new}",
                [*names, *(part for name in names for part in (name, values[name]))],
            )
            previous = cursor.fetchone()[: len(names)]
        yield
        if nested:
            with connection.cursor() as cursor:
                restore = ", ".join("set_config(%s, %s, true)" for _ in names)
                cursor.execute(
                    f"SELECT {restore}",
                    [part for pair in zip(names, previous, strict=True) for part in pair],
                )
