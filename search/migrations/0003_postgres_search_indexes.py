"""Indexes the database engine's search statement needs on PostgreSQL (measured with
``bench/search.py`` on 100,000 documents, see docs/benchmarks.md).

1. A GIN index on ``title || body`` of modelsearch's index entries. modelsearch matches a
   query against the concatenation of the title and body vectors (``(title || body) @@
   query``), for our documents and for Wagtail's own page search alike; its migrations index
   each vector on its own, which that expression cannot use: every search read the whole
   table, and the planner, without statistics on the expression, guessed one matching row
   and chose nested loops that took seconds. An index on the expression serves the match and
   gives ANALYZE statistics to estimate it.
2. On search documents, two covering indexes for the join with the index entries, which
   modelsearch writes as ``CAST(document.id AS varchar(50))::text = entry.object_id``:
   - ``(audience) INCLUDE (…)``: the documents a caller may see, with every column the
     statement reads (kind, year, space, date), by an index-only scan instead of reading the
     table's wide rows (their text is there for snippets);
   - ``((id::varchar(50))::text) INCLUDE (…)``: the same columns by the join key, so that a
     selective query probes the documents it matched instead of hashing all visible ones.
3. On facet values, ``(document, facet) INCLUDE (slug, name)``: the theme and territory
   counts of a few thousand matched documents by index-only probes, not by hashing the table.

Built ``CONCURRENTLY`` (no write lock on live tables), hence a non-atomic migration.
PostgreSQL only (SQLite has neither covering nor such expression indexes); reversible.
"""

from django.db import migrations

COLUMNS = "kind, year, space_id, space_name, date"


def _indexes(apps):
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    facet_values = apps.get_model("search", "FacetValue")._meta.db_table
    return [
        ("search_facet_document_cover", facet_values, "(document_id, facet) INCLUDE (slug, name)"),
        ("search_entry_title_body_gin", entries, "USING gin ((title || body))"),
        ("search_doc_audience_cover", documents, f"(audience) INCLUDE (id, {COLUMNS})"),
        (
            "search_doc_join_key_cover",
            documents,
            f"(((id)::varchar(50)::text)) INCLUDE (audience, {COLUMNS})",
        ),
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, definition in _indexes(apps):
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} {definition}"
        )
        schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _definition in _indexes(apps):
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0002_portal_french_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
