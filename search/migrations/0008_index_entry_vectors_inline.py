"""Keep the title and body vectors of modelsearch's index entries inside their rows
(``STORAGE MAIN``) rather than in the TOAST table.

An entry row holds the two vectors and the raw texts (``title_text``, ``body_text``); past
2 kB PostgreSQL moved its largest column out of line, often the body vector (tsvectors hardly
compress). Ranking then fetched it from the TOAST table for every matched row: on
« politique de la ville » (24,000 entries, 100,000 documents) reading the body vectors took
22 ms of the ranking's 57 (see docs/search.md). With ``MAIN`` the raw texts go out of line
first and a vector leaves its row only past 8 kB.

The setting applies to rows written from then on: ``manage.py search_rebuild`` rewrites every
entry (the next writes of each document do the same). PostgreSQL only; reversible (back to
``EXTENDED``, the default of these columns).
"""

from django.db import migrations

COLUMNS = ("title", "body")


def _storage(apps, schema_editor, storage):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    changes = ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS)
    schema_editor.execute(f"ALTER TABLE {entries} {changes}")


def inline(apps, schema_editor):
    _storage(apps, schema_editor, "MAIN")


def default(apps, schema_editor):
    _storage(apps, schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_covering_indexes_with_facet_slugs"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(inline, default, elidable=False)]
