"""A forum topic and its replies are one search document (#10 §2).

Topics are re-indexed with the text of their visible posts, and the documents of replies
(kind ``message``) are re-queued: their builder now builds nothing, so the outbox deletes them
from the database and the engine. Like migration 0014, the sources are recorded in the outbox
(``IndexChange``), applied by the next ``process_index_changes`` task or ``manage.py
search_resync``; the SQL is written out here, not imported, because migrations are frozen.
"""

from django.db import migrations, models

FORUM_KINDS = ("sujet", "message")


def requeue_forum_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    # A source already waiting in the outbox will be rebuilt anyway: not twice.
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        "SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d WHERE d.kind IN (%s, %s) AND NOT EXISTS (SELECT 1 FROM {changes} c "
        "WHERE c.content_type_id = d.content_type_id AND c.object_id = d.object_id) "
        "ORDER BY d.id",
        FORUM_KINDS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0015_documents_updated_at_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="documententry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("actualite", "Actualité"),
                    ("breve", "Brève"),
                    ("dossier", "Dossier"),
                    ("panorama", "Panorama de presse"),
                    ("publication", "Publication"),
                    ("evenement", "Événement"),
                    ("flash-info", "Flash Info"),
                    ("page", "Page"),
                    ("sujet", "Sujet de discussion"),
                    ("document", "Document"),
                ],
                max_length=20,
                verbose_name="nature",
            ),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("actualite", "Actualité"),
                    ("breve", "Brève"),
                    ("dossier", "Dossier"),
                    ("panorama", "Panorama de presse"),
                    ("publication", "Publication"),
                    ("evenement", "Événement"),
                    ("flash-info", "Flash Info"),
                    ("page", "Page"),
                    ("sujet", "Sujet de discussion"),
                    ("document", "Document"),
                ],
                max_length=20,
                verbose_name="nature",
            ),
        ),
        migrations.RunPython(requeue_forum_documents, migrations.RunPython.noop),
    ]
