"""One model row by one column, without building and compiling an ORM query at each call.

For the lookups every extranet request makes (the logged-in user, the space of the URL):
the statement is written once per model and column from the model's metadata, then each
call executes it and builds the instance as the ORM would (``Model.from_db``, with the
database's and the fields' converters: aware datetimes on SQLite too). The result is the
same instance ``Model.objects.get(column=value)`` returns; compiling that query costs more
than running it.
"""

from django.db import connections

_MODELS = {}
_STATEMENTS = {}


def _model(model, alias):
    """(select list, attnames, converters) of `model`'s concrete fields, built once."""
    key = (model, alias)
    if key not in _MODELS:
        connection = connections[alias]
        quote = connection.ops.quote_name
        fields = list(model._meta.concrete_fields)
        table = model._meta.db_table
        select = ", ".join(f"{quote(table)}.{quote(field.column)}" for field in fields)
        converters = []
        for index, field in enumerate(fields):
            col = field.get_col(table)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                converters.append((index, col, found))
        _MODELS[key] = (select, [field.attname for field in fields], converters)
    return _MODELS[key]


def columns(model, using="default"):
    """The quoted select list of `model`'s concrete fields (for `from_row`)."""
    return _model(model, using)[0]


def from_row(model, values, using="default"):
    """The instance of `model` for `values`, read in the order of `columns(model)` (extra
    trailing values are ignored)."""
    _select, attnames, converters = _model(model, using)
    values = list(values[: len(attnames)])
    connection = connections[using]
    for index, col, functions in converters:
        for convert in functions:
            values[index] = convert(values[index], col, connection)
    return model.from_db(using, attnames, values)


def _statement(model, column, using):
    key = (model, column, using)
    if key not in _STATEMENTS:
        quote = connections[using].ops.quote_name
        table = quote(model._meta.db_table)
        where = quote(model._meta.get_field(column).column)
        _STATEMENTS[key] = f"SELECT {columns(model, using)} FROM {table} WHERE {table}.{where} = %s"
    return _STATEMENTS[key]


def get_row(model, column, value, using="default"):
    """The instance of `model` whose `column` equals `value` (a unique column), or None."""
    with connections[using].cursor() as cursor:
        cursor.execute(_statement(model, column, using), [value])
        row = cursor.fetchone()
    return None if row is None else from_row(model, row, using)
