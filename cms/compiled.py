"""Small querysets asked on every request, with their SQL compiled once (#16).

Building and compiling a queryset costs more Python than running it when the question is
small and asked on every search: reading the view restrictions was 0.6 ms of Python per
search, 0.5 ms of it building and compiling the queryset (``bench.search``, profile of
``search.audience.audience_tokens``). The SQL here is the ORM's own (convention 15: no
hand-written SQL), compiled the first time per database and kept as text; the rows are read
again on every call. Nothing of the data is kept: a permission is read at the moment of the
request.
"""

from django.db import connections, router

# (name, database alias) → SQL text.
_SQL = {}


def rows(name, model, build, params=()):
    """The rows of ``build(*params)``, a ``values_list`` queryset of ``model`` whose values
    need no conversion (integers, text), read now. Its SQL is compiled the first time, under
    ``name``; ``params`` must be all of its parameters, in order (checked then), so that the
    same SQL serves any other values of them."""
    alias = router.db_for_read(model)
    sql = _SQL.get((name, alias))
    if sql is None:
        queryset = build(*params)
        sql, compiled_params = queryset.query.get_compiler(alias).as_sql()
        if tuple(compiled_params) != tuple(params):
            raise ValueError(
                f"{name}: the queryset's parameters {compiled_params!r} are not {params!r}"
            )
        _SQL[(name, alias)] = sql
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, tuple(params))
        return cursor.fetchall()
