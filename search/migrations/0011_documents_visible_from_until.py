"""Search documents carry when they may be found: ``visible_from`` and ``visible_until`` (a
page's ``go_live_at`` and ``expire_at``), checked by every search (``readable_now``), on the
documents and on their PostgreSQL entries.

The page documents already written have neither: like migration 0005, an upsert of each is
recorded in the outbox (``IndexChange``), applied by the next ``process_index_changes`` task
or by ``manage.py search_resync``. An engine index created before this version has no mapping
for the two fields: ``manage.py search_rebuild --reset`` gives it one (until then a document
without the fields passes the rule, as before).
"""

from django.db import migrations, models


def requeue_page_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        "SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d JOIN django_content_type t ON t.id = d.content_type_id "
        "WHERE t.app_label = 'wagtailcore' AND t.model = 'page' "
        f"AND NOT EXISTS (SELECT 1 FROM {changes} c WHERE c.content_type_id = "
        "d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id"
    )


def _bounds():
    return (
        models.DateTimeField(blank=True, null=True, verbose_name="visible à partir du"),
        models.DateTimeField(blank=True, null=True, verbose_name="visible jusqu'au"),
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0010_document_entries")]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ("documententry", "searchdocument")
            for name, field in zip(("visible_from", "visible_until"), _bounds(), strict=True)
        ),
        migrations.RunPython(requeue_page_documents, migrations.RunPython.noop, elidable=False),
    ]
