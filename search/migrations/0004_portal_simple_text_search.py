"""The PostgreSQL text search configuration of search documents: ``portal_simple``.

Search documents give the database backend terms our Python analysis has already folded and
stemmed (``search.fields``). Indexed and queried with ``portal_french`` (migration 0002) they
were stemmed a second time (``presse`` → ``pres`` → ``pre``: ``PRE`` found every press
review). ``portal_simple`` is a copy of ``simple`` with ``unaccent`` first: no stemming, no
stop words, accents removed (our terms have none; harmless). ``portal_french`` stays, for
the pages Wagtail indexes itself (admin search). See ``search.backends.postgres``.

The index entries already written were built with ``portal_french``: this migration records
an upsert of every search document's source in the outbox (``IndexChange``), which the next
``process_index_changes`` task or ``manage.py search_resync`` (scheduled) applies, rebuilding
each document and writing its entry with the new configuration. Until then, a query may miss
words whose double stem differs from their stem. ``manage.py search_rebuild`` does the same
at once. Reversing records the same upserts (the code of the previous state indexes with
``portal_french`` again), then drops the configuration.

PostgreSQL only: on SQLite (FTS5 has no configurations) this migration does nothing.
"""

from django.db import migrations

CREATE = """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_simple') THEN
            CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION portal_simple
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_simple"


def _requeue_documents(apps, schema_editor):
    """One upsert per search document's source in the outbox, in one statement."""
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    # A source already waiting in the outbox will be rebuilt anyway: not twice.
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        f"SELECT d.content_type_id, d.object_id, 'upsert', now(), 0, '' FROM {documents} d "
        f"WHERE NOT EXISTS (SELECT 1 FROM {changes} c WHERE c.content_type_id = "
        "d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id"
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(CREATE)
    _requeue_documents(apps, schema_editor)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _requeue_documents(apps, schema_editor)
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_search_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
