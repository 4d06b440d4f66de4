"""Re-index every search document: the analysis of their text changed.

- gendered words whose Snowball stems meet a common word's get one precise term for all their
  forms (``conseillers`` → ``conseiller``, no longer ``conseil``; see
  ``search.analysis.gender``);
- inclusive writing of past participles is expanded (``chargé·e·s`` → ``chargés chargées``),
  in the terms of the database engines and in the text Elasticsearch receives.

Like migration 0004, this records an upsert of every document's source in the outbox
(``IndexChange``), applied by the next ``process_index_changes`` task or by
``manage.py search_resync``; ``manage.py search_rebuild`` does the same at once. On every
database (SQLite's full-text index holds our terms too). Reversing records the same upserts.
"""

from django.db import migrations


def requeue_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    # A source already waiting in the outbox will be rebuilt anyway: not twice.
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        f"SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' FROM {documents} d "
        f"WHERE NOT EXISTS (SELECT 1 FROM {changes} c WHERE c.content_type_id = "
        "d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_portal_simple_text_search")]

    operations = [
        migrations.RunPython(requeue_documents, requeue_documents, elidable=False),
    ]
