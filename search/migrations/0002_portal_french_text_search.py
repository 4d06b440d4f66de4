"""The PostgreSQL text search configuration the database backend uses (``SEARCH_CONFIG``).

``portal_french``: French stemming with accents removed first, so that ``laicite`` finds
``laïcité``. PostgreSQL only: on SQLite this migration does nothing (FTS5's ``unicode61``
tokenizer already folds accents, and our Python analysis stems). Reversible.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_french') THEN
            CREATE TEXT SEARCH CONFIGURATION portal_french (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION portal_french
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END
    $$;
    """,
]
DROP = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_french"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
