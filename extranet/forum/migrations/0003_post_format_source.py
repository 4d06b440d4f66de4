"""Posts are written in Markdown from now on; every post stored before is HTML.

The column's default, "html", marks each existing row as written in HTML (in one statement,
without a data migration): its ``body`` is both what was written and what is shown, and it
keeps rendering unchanged. The forum services set "markdown" on the posts written from now on.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0002_topic_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="format",
            field=models.CharField(
                choices=[("markdown", "Markdown"), ("html", "HTML")],
                default="html",
                max_length=10,
                verbose_name="format",
            ),
        ),
        migrations.AddField(
            model_name="post",
            name="source",
            field=models.TextField(
                blank=True,
                help_text="Le Markdown écrit par l'auteur·rice (vide pour un message écrit en HTML).",
                verbose_name="texte saisi",
            ),
        ),
    ]
