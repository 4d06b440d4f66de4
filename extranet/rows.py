"""One model row by one column, without building and compiling an ORM query at each call.

For the lookups every extranet request makes (the logged-in user, the space of the URL):
the statement is written once per model and column from the model's metadata, then each
call executes it and builds the instance as the ORM would (``Model.from_db``, with the
database's and the fields' converters: aware datetimes on SQLite too). The result is the
same instance ``Model.objects.get(column=value)`` returns; compiling that query costs more
than running it.
"""

from django.db import connections

_STATEMENTS = {}


def _statement(model, column, alias):
    key = (model, column, alias)
    if key not in _STATEMENTS:
        connection = connections[alias]
        quote = connection.ops.quote_name
        fields = list(model._meta.concrete_fields)
        table = model._meta.db_table
        where = model._meta.get_field(column).column
        sql = (
            f"SELECT {', '.join(f'{quote(table)}.{quote(f.column)}' for f in fields)} "
            f"FROM {quote(table)} WHERE {quote(table)}.{quote(where)} = %s"
        )
        converters = []
        for index, field in enumerate(fields):
            col = field.get_col(table)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                converters.append((index, col, found))
        _STATEMENTS[key] = (sql, [f.attname for f in fields], converters)
    return _STATEMENTS[key]


def get_row(model, column, value, using="default"):
    """The instance of `model` whose `column` equals `value` (a unique column), or None."""
    sql, attnames, converters = _statement(model, column, using)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(sql, [value])
        row = cursor.fetchone()
    if row is None:
        return None
    if converters:
        row = list(row)
        for index, col, functions in converters:
            for convert in functions:
                row[index] = convert(row[index], col, connection)
    return model.from_db(using, attnames, row)
