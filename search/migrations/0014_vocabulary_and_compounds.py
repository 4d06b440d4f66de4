"""Never silence (#10 §3): the vocabulary of « Vouliez-vous dire … ? », and compounds.

- ``SearchWord``: the folded words of the public documents (``search.spelling``). On
  PostgreSQL, the ``pg_trgm`` extension and a trigram index on the word find the words near a
  misspelt one; SQLite compares edit distances in Python over the words of the same first
  letter and a close length (no extension there).
- Every document is re-indexed: a hyphenated compound is now also indexed joined
  (``socio-linguistiques`` also gives ``sociolinguistiques``, see ``search.analysis.pipeline``).
  Like migration 0005, its sources are recorded in the outbox (``IndexChange``), applied by the
  next ``process_index_changes`` task or ``manage.py search_resync``.
"""

from django.db import migrations, models


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("search", "SearchWord")._meta.db_table
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX search_word_trigrams ON {table} USING gin (word gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_word_trigrams")


def requeue_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    # A source already waiting in the outbox will be rebuilt anyway: not twice.
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        "SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d WHERE NOT EXISTS (SELECT 1 FROM {changes} c WHERE "
        "c.content_type_id = d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0013_audience_of_restricted_pages")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=60, unique=True, verbose_name="mot")),
                ("form", models.CharField(max_length=60, verbose_name="graphie")),
                ("seen_at", models.DateTimeField(db_index=True, verbose_name="lu le")),
            ],
            options={
                "verbose_name": "mot du vocabulaire",
                "verbose_name_plural": "mots du vocabulaire",
            },
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
        migrations.RunPython(requeue_documents, requeue_documents, elidable=False),
    ]
