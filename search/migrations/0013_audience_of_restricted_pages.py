"""A view-restricted page's audience names its restricted section and the rest of its path
(``restricted:<section>:<rest>``, ``search.models.restricted_audience``): it is found by those
whom all its restrictions let in (a login restriction: any account; a group restriction: its
members), and by the editors who see it in the Wagtail admin, as before. The column grows by
the prefix.

The documents written with the former ``staff:<path>`` audience are read by nobody now (no
caller gets a ``staff:`` token): they are recorded in the outbox (``IndexChange``) to be
rebuilt, by the next ``process_index_changes`` task or ``manage.py search_resync``.
"""

from django.db import migrations, models


def requeue_staff_documents(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        "SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d WHERE d.audience LIKE %s "
        f"AND NOT EXISTS (SELECT 1 FROM {changes} c WHERE c.content_type_id = "
        "d.content_type_id AND c.object_id = d.object_id) ORDER BY d.id",
        ["staff:%"],
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0012_audience_of_staff_pages")]

    operations = [
        migrations.AlterField(
            model_name="documententry",
            name="audience",
            field=models.CharField(max_length=267, verbose_name="public visé"),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="audience",
            field=models.CharField(
                help_text="« public », « space:<id> » ou « restricted:<section>:<suite du "
                "chemin> » (page soumise à une restriction d'accès) : qui peut voir ce résultat.",
                max_length=267,
                verbose_name="public visé",
            ),
        ),
        migrations.RunPython(requeue_staff_documents, migrations.RunPython.noop, elidable=False),
    ]
