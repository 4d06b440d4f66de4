"""The slugs of each document's themes and territories on the document row itself
(``themes``, ``territories``): PostgreSQL counts them over the matched rows with
``jsonb_array_elements_text`` instead of joining every facet value (see
``search.engines.PostgresEngine``). ``search_facetvalue`` stays: filters and labels.

The data step copies the slugs of the existing facet values (one statement per column);
the writers of ``search.indexing`` keep both in step from then on. Reversible: the columns
go, the facet values were never touched.
"""

from django.db import migrations, models

FUNCTIONS = {
    "postgresql": "jsonb_agg(fv.slug ORDER BY fv.id)",
    "sqlite": "json_group_array(fv.slug)",
}
EMPTY = {"postgresql": "'[]'::jsonb", "sqlite": "'[]'"}


def copy_slugs(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in FUNCTIONS:  # other databases: ``manage.py search_rebuild`` fills them
        return
    documents = apps.get_model("search", "SearchDocument")._meta.db_table
    facet_values = apps.get_model("search", "FacetValue")._meta.db_table
    for column, facet in (("themes", "theme"), ("territories", "territory")):
        schema_editor.execute(
            f"UPDATE {documents} SET {column} = COALESCE((SELECT {FUNCTIONS[vendor]} "
            f"FROM {facet_values} fv WHERE fv.document_id = {documents}.id "
            f"AND fv.facet = %s), {EMPTY[vendor]})",
            [facet],
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_reindex_for_gendered_forms")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="territories",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="territoires"
            ),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="themes",
            field=models.JSONField(
                blank=True, default=list, editable=False, verbose_name="thématiques"
            ),
        ),
        migrations.RunPython(copy_slugs, migrations.RunPython.noop, elidable=False),
    ]
