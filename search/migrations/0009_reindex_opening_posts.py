"""Re-index the forum posts: a topic's opening post is no longer a search result of its own
(the topic's document carries its text; see ``search.documents.forum``).

Records an upsert of every indexed post in the outbox (``IndexChange``), applied by the next
``process_index_changes`` task or by ``manage.py search_resync``: the opening posts are then
removed from the index, the replies rewritten unchanged. ``manage.py search_rebuild`` does
the same at once. Reversing records the same upserts (the code then decides).
"""

from django.db import migrations


def requeue_posts(apps, schema_editor):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="forum", model="post")
        .first()
    )
    if content_type is None:  # no post was ever indexed
        return
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    changes = apps.get_model("search", "IndexChange")._meta.db_table
    # A source already waiting in the outbox will be rebuilt anyway: not twice.
    schema_editor.execute(
        f"INSERT INTO {changes} "
        "(content_type_id, object_id, action, created_at, attempts, last_error) "
        f"SELECT d.content_type_id, d.object_id, 'upsert', CURRENT_TIMESTAMP, 0, '' "
        f"FROM {documents} d WHERE d.content_type_id = %s AND NOT EXISTS "
        f"(SELECT 1 FROM {changes} c WHERE c.content_type_id = d.content_type_id "
        "AND c.object_id = d.object_id) ORDER BY d.id",
        [content_type.pk],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0008_index_entry_vectors_inline"),
    ]

    operations = [
        migrations.RunPython(requeue_posts, requeue_posts, elidable=False),
    ]
