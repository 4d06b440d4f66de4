"""The covering indexes of search documents (migration 0003) also carry ``themes`` and
``territories``: the matched set reads them for the theme and territory counts, still by
index-only scans. Built ``CONCURRENTLY`` under a new name, then the old one dropped (no
write lock, no moment without an index). PostgreSQL only; reversible.
"""

from django.db import migrations

COLUMNS = "kind, year, space_id, space_name, date"
OLD = {
    "search_doc_audience_cover": f"(audience) INCLUDE (id, {COLUMNS})",
    "search_doc_join_key_cover": f"(((id)::varchar(50)::text)) INCLUDE (audience, {COLUMNS})",
}
NEW = {
    "search_doc_audience_facets": f"(audience) INCLUDE (id, {COLUMNS}, themes, territories)",
    "search_doc_join_key_facets": (
        f"(((id)::varchar(50)::text)) INCLUDE (audience, {COLUMNS}, themes, territories)"
    ),
}


def _swap(apps, schema_editor, create, drop):
    if schema_editor.connection.vendor != "postgresql":
        return
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    for name, definition in create.items():
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {documents} {definition}"
        )
    for name in drop:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
    schema_editor.execute(f"ANALYZE {documents}")


def forwards(apps, schema_editor):
    _swap(apps, schema_editor, NEW, OLD)


def backwards(apps, schema_editor):
    _swap(apps, schema_editor, OLD, NEW)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("search", "0006_search_document_facet_slugs")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
