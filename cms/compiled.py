"""Small querysets asked on every request, with their SQL compiled once (#16).

Building and compiling a queryset costs more Python than running it when the question is
small and asked on every search: reading the view restrictions was 0.6 ms of Python per
search, 0.5 ms of it building and compiling the queryset (``bench.search``, profile of
``search.audience.audience_tokens``). The SQL here is the ORM's own (convention 15: no
hand-written SQL), compiled the first time per database and kept as text with the converters
of its columns; the rows are read again on every call. Nothing of the data is kept: a
permission is read at the moment of the request.
"""

import datetime

from django.db import connections, router

# (name, database alias) → (SQL text, the converters of its columns).
_SQL = {}


def rows(name, model, build, params=()):
    """The rows of ``build(*params)``, a ``values_list`` queryset of ``model``, read now, each
    value converted as the ORM converts it (on SQLite, a date and time is stored as text; on
    PostgreSQL the driver's values need no conversion). Its SQL is compiled the first time,
    under ``name``; ``params`` must be all of its parameters, in order (checked then), so that
    the same SQL serves any other values of them. A queryset whose number of parameters
    varies (``pk__in``) needs one name per number. A date and time parameter is passed as the
    ORM passes it (``adapt_datetimefield_value``: text on SQLite)."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    adapted = tuple(_adapted(value, connection) for value in params)
    compiled = _SQL.get((name, alias))
    if compiled is None:
        compiler = build(*params).query.get_compiler(alias)
        sql, compiled_params = compiler.as_sql()
        if tuple(compiled_params) != adapted:
            raise ValueError(
                f"{name}: the queryset's parameters {compiled_params!r} are not {params!r}"
            )
        # ``{column index: ([converter], expression)}``, empty when the driver's values are
        # what the ORM gives (PostgreSQL's).
        converters = compiler.get_converters([column for column, _sql, _a in compiler.select])
        compiled = _SQL[(name, alias)] = (sql, converters)
    sql, converters = compiled
    with connection.cursor() as cursor:
        cursor.execute(sql, adapted)
        fetched = cursor.fetchall()
    if not converters:
        return fetched
    return [_converted(row, converters, connection) for row in fetched]


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
