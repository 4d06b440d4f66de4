"""A GIN index on ``title || body`` of the database backend's index entries (PostgreSQL).

modelsearch matches a query against the concatenation of the title and body vectors
(``(title || body) @@ query``), for our documents and for Wagtail's own page search alike.
Its migrations index each vector on its own, which that expression cannot use: every search
read the whole table, and the planner, without statistics on the expression, guessed one
matching row and chose nested loops that took seconds on 100,000 documents. An index on the
expression itself serves the match and gives ANALYZE statistics to estimate it.

Built ``CONCURRENTLY`` (no write lock on a live index table), hence a non-atomic migration.
PostgreSQL only; reversible.
"""

from django.db import migrations

INDEX_NAME = "search_entry_title_body_gin"


def _table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX_NAME} "
        f"ON {_table(apps)} USING gin ((title || body))"
    )
    schema_editor.execute(f"ANALYZE {_table(apps)}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0002_portal_french_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
