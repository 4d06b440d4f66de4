"""A view-restricted page's audience names its tree path (``staff:<path>``): it is found by
the team members who may see that page in the Wagtail admin (``cms.permissions``), no longer
by anyone with ``is_staff``. The column grows to hold a page path.

The documents written with the former ``staff`` audience are read by nobody now (no caller
gets that token): they are recorded in the outbox (``IndexChange``) to be rebuilt with their
path, by the next ``process_index_changes`` task or ``manage.py search_resync``.
"""

from django.db import migrations, models


def requeue_staff_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        "SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d WHERE d.audience = 'staff' "
        f"AND NOT EXISTS (SELECT 1 FROM {changes} c WHERE c.content_type_id = "
        "d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0011_documents_visible_from_until")]

    operations = [
        migrations.AlterField(
            model_name="documententry",
            name="audience",
            field=models.CharField(max_length=261, verbose_name="public visé"),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="audience",
            field=models.CharField(
                help_text="« public », « space:<id> » ou « staff:<chemin de la page> » : qui "
                "peut voir ce résultat.",
                max_length=261,
                verbose_name="public visé",
            ),
        ),
        migrations.RunPython(requeue_staff_documents, migrations.RunPython.noop, elidable=False),
    ]
