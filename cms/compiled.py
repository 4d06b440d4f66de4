"""Small querysets asked on every request, with their SQL compiled once (#16).

Building and compiling a queryset costs more Python than running it when the question is
small and asked on every search: reading the view restrictions was 0.6 ms of Python per
search, 0.5 ms of it building and compiling the queryset (``bench.search``, profile of
``search.audience.audience_tokens``). The SQL here is the ORM's own (convention 15: no
hand-written SQL), compiled the first time per database and kept as text with the converters
of its columns; the rows are read again on every call. Nothing of the data is kept: a
permission is read at the moment of the request.

``rows_of`` reads several such statements in one round trip on PostgreSQL, and
``read_together`` the answers of several modules (each a ``Reading``: its statement and how it
answers from the rows): what a search must know before asking the engine (the caller's
audience: spaces, restrictions, groups) and, on OpenSearch, after it (the page's documents
and the facets' labels) is each read at once.
"""

import datetime
from collections.abc import Callable
from typing import NamedTuple

from django.db import connections, router

# (name, database alias) → (SQL text, the converters of its columns).
_SQL = {}


class Statement(NamedTuple):
    """A small queryset asked on every request: ``build(*params)``, a ``values_list``
    queryset of ``model``, whose SQL is compiled the first time under ``name``. ``params``
    must be all of its parameters, in order (checked then), so that the same SQL serves any
    other values of them. A queryset whose number of parameters varies (``pk__in``) needs one
    name per number."""

    name: str
    model: type
    build: Callable
    params: tuple = ()


class Written(NamedTuple):
    """A statement whose SQL its module writes (what the ORM has no expression for, such as
    ``search.engines.facets``' arrays), to be read with compiled ones (``rows_of``); ``model``
    says on which database."""

    model: type
    sql: str
    params: tuple = ()


def rows(name, model, build, params=()):
    """The rows of ``build(*params)`` (a ``Statement``), read now, each value converted as
    the ORM converts it (on SQLite, a date and time is stored as text; on PostgreSQL the
    driver's values need no conversion). A date and time parameter is passed as the ORM
    passes it (``adapt_datetimefield_value``: text on SQLite)."""
    (fetched,) = rows_of(Statement(name, model, build, tuple(params)))
    return fetched


def rows_of(*statements):
    """The rows of each of ``statements`` (``Statement`` or ``Written``), in their order, read
    now.

    On PostgreSQL, those of one database in one round trip: their SQL sent as one text and
    their results read one after the other. A round trip costs the driver ≈ 0.08 ms of CPU,
    more than reading a few rows (three statements: 0.24 ms one by one, 0.09 ms together,
    #16). Elsewhere (SQLite runs in the process: no round trip to save) one after the other.
    """
    fetched = [None] * len(statements)
    by_alias = {}
    for index, statement in enumerate(statements):
        by_alias.setdefault(router.db_for_read(statement.model), []).append(index)
    for alias, indexes in by_alias.items():
        connection = connections[alias]
        prepared = [_prepared(statements[index], alias, connection) for index in indexes]
        with connection.cursor() as cursor:
            if len(prepared) > 1 and sends_several(connection):
                cursor.execute(
                    ";\n".join(sql for sql, _p, _c in prepared),
                    [value for _sql, params, _c in prepared for value in params],
                )
                for position, index in enumerate(indexes):
                    if position:
                        cursor.nextset()
                    fetched[index] = cursor.fetchall()
            else:
                for (sql, params, _c), index in zip(prepared, indexes, strict=True):
                    cursor.execute(sql, params)
                    fetched[index] = cursor.fetchall()
        for (_sql, _params, converters), index in zip(prepared, indexes, strict=True):
            if converters:
                fetched[index] = [_converted(row, converters, connection) for row in fetched[index]]
    return fetched


class Reading(NamedTuple):
    """What a module needs read to answer a question, and how it answers from the rows: the
    rule stays in its module, the reading can be shared (``read_together``). ``statement``
    ``None``: nothing to read (``answer`` then gets ``None``)."""

    statement: Statement | None
    answer: Callable


def read_together(*readings):
    """The answers of ``readings``, in their order, their statements read in one round trip
    (``rows_of``)."""
    fetched = iter(rows_of(*(reading.statement for reading in readings if reading.statement)))
    return [reading.answer(next(fetched) if reading.statement else None) for reading in readings]


def _prepared(statement, alias, connection):
    """``(SQL, adapted parameters, converters)`` of ``statement``, compiled the first time."""
    if isinstance(statement, Written):
        return statement.sql, tuple(statement.params), {}
    adapted = tuple(_adapted(value, connection) for value in statement.params)
    compiled = _SQL.get((statement.name, alias))
    if compiled is None:
        compiler = statement.build(*statement.params).query.get_compiler(alias)
        sql, compiled_params = compiler.as_sql()
        if tuple(compiled_params) != adapted:
            raise ValueError(
                f"{statement.name}: the queryset's parameters {compiled_params!r} "
                f"are not {statement.params!r}"
            )
        # ``{column index: ([converter], expression)}``, empty when the driver's values are
        # what the ORM gives (PostgreSQL's).
        converters = compiler.get_converters([column for column, _sql, _a in compiler.select])
        compiled = _SQL[(statement.name, alias)] = (sql, converters)
    sql, converters = compiled
    return sql, adapted, converters


def sends_several(connection):
    """Whether ``connection``'s cursors take several statements in one ``execute``, their
    results read with ``nextset``: psycopg's client-side binding cursor, Django's default on
    PostgreSQL (not with ``server_side_binding``, whose extended protocol takes one statement
    at a time, nor psycopg2, which has no ``nextset``)."""
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3 and not connection.settings_dict.get("OPTIONS", {}).get(
        "server_side_binding"
    )


def _adapted(value, connection):
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _converted(row, converters, connection):
    """``SQLCompiler.apply_converters`` for one row."""
    row = list(row)
    for index, (functions, expression) in converters.items():
        value = row[index]
        for function in functions:
            value = function(value, expression, connection)
        row[index] = value
    return tuple(row)
