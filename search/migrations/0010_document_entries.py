"""Search documents get their own PostgreSQL index table, ``search_documententry`` (see
``search.models.DocumentEntry``): the vectors beside the audience and facet columns, so that
a search reads one narrow table found by a GIN index instead of joining modelsearch's
generic entries on a cast.

On PostgreSQL, forwards:
1. the GIN indexes of the match (``title || body``, the expression modelsearch's compiler
   writes) and of suggestions (``autocomplete``);
2. the entries copied from modelsearch's index entries of the documents, with the documents'
   columns (no rebuild needed: search keeps answering), then those entries deleted;
3. the covering index of the join key (migrations 0003 and 0007) dropped: nothing joins on
   the cast any more.
Backwards puts modelsearch's entries and the index back, from the entries. SQLite: the table
only (it stays empty; FTS5 keeps the index there).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


COPIED = "audience, kind, year, date, space_id, space_name, themes, territories"
JOIN_KEY_INDEX = "search_doc_join_key_facets"
JOIN_KEY_DEFINITION = (
    "(((id)::varchar(50)::text)) INCLUDE "
    "(audience, kind, year, space_id, space_name, date, themes, territories)"
)


def _copied(column):
    if column in ("themes", "territories"):  # JSON arrays of slugs → slugs and spaces
        return f"array_to_string(ARRAY(SELECT jsonb_array_elements_text(d.{column})), ' ')"
    return f"d.{column}"


def _tables(apps):
    return (
        apps.get_model("search", "DocumentEntry")._meta.db_table,
        apps.get_model("search", "SearchDocument")._meta.db_table,
        apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table,
    )


def _content_type(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM django_content_type "
            "WHERE app_label = 'search' AND model = 'searchdocument'"
        )
        row = cursor.fetchone()
    return row[0] if row else None


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, documents, generic = _tables(apps)
    schema_editor.execute(
        f"CREATE INDEX search_entry_match_gin ON {entries} USING gin ((title || body))"
    )
    schema_editor.execute(
        f"CREATE INDEX search_entry_autocomplete_gin ON {entries} USING gin (autocomplete)"
    )
    # Vectors are read for every matched row: kept in the row (see migration 0008).
    schema_editor.execute(
        f"ALTER TABLE {entries} ALTER COLUMN title SET STORAGE MAIN, "
        "ALTER COLUMN body SET STORAGE MAIN"
    )
    content_type = _content_type(schema_editor)
    if content_type is not None:
        schema_editor.execute(
            f"INSERT INTO {entries} (document_id, {COPIED}, title, body, autocomplete, "
            f"title_norm) SELECT d.id, {', '.join(_copied(c) for c in COPIED.split(', '))}, "
            "e.title, e.body, e.autocomplete, e.title_norm "
            f"FROM {documents} d JOIN {generic} e "
            "ON e.content_type_id = %s AND e.object_id = d.id::text",
            [content_type],
        )
        schema_editor.execute(f"DELETE FROM {generic} WHERE content_type_id = %s", [content_type])
    schema_editor.execute(f"DROP INDEX IF EXISTS {JOIN_KEY_INDEX}")
    schema_editor.execute(f"ANALYZE {entries}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, documents, generic = _tables(apps)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {JOIN_KEY_INDEX} ON {documents} {JOIN_KEY_DEFINITION}"
    )
    content_type = _content_type(schema_editor)
    if content_type is not None:
        # The texts are the documents' (modelsearch stores them for its fuzzy search).
        schema_editor.execute(
            f"INSERT INTO {generic} (content_type_id, object_id, title, body, autocomplete, "
            "title_norm, title_text, body_text) "
            "SELECT %s, e.document_id::text, e.title, e.body, e.autocomplete, e.title_norm, "
            f"d.title, d.body FROM {entries} e JOIN {documents} d ON d.id = e.document_id "
            "ON CONFLICT (content_type_id, object_id) DO NOTHING",
            [content_type],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_reindex_opening_posts"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="DocumentEntry",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="entry",
                        serialize=False,
                        to="search.searchdocument",
                        verbose_name="document",
                    ),
                ),
                ("audience", models.CharField(max_length=40, verbose_name="public visé")),
                (
                    "kind",
                    models.CharField(
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
                            ("message", "Message"),
                            ("document", "Document"),
                        ],
                        max_length=20,
                        verbose_name="nature",
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="année"),
                ),
                ("date", models.DateTimeField(blank=True, null=True, verbose_name="date")),
                (
                    "space_id",
                    models.PositiveBigIntegerField(blank=True, null=True, verbose_name="espace"),
                ),
                (
                    "space_name",
                    models.CharField(blank=True, max_length=200, verbose_name="nom de l'espace"),
                ),
                ("themes", models.TextField(blank=True, verbose_name="thématiques")),
                ("territories", models.TextField(blank=True, verbose_name="territoires")),
                ("title", django.contrib.postgres.search.SearchVectorField(verbose_name="titre")),
                ("body", django.contrib.postgres.search.SearchVectorField(verbose_name="texte")),
                (
                    "autocomplete",
                    django.contrib.postgres.search.SearchVectorField(verbose_name="autocomplétion"),
                ),
                (
                    "title_norm",
                    models.FloatField(default=1.0, verbose_name="normalisation du titre"),
                ),
            ],
            options={
                "verbose_name": "entrée d'index PostgreSQL",
                "verbose_name_plural": "entrées d'index PostgreSQL",
                "indexes": [models.Index(fields=["audience"], name="search_entry_audience")],
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
