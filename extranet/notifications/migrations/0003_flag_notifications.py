"""The « Signalement » notification of moderators (extranet/notifications/flags.py).

A notification is now unique per member, post *and kind*: a moderator notified of a reply can
also be told that the same post was flagged. Widening the constraint keeps every row.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0004_flags_and_moderation_actions"),
        ("notifications", "0002_levels_topics_inbox"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notification",
            name="notifications_once_per_post",
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("new_topic", "Nouveau sujet"),
                    ("reply", "Réponse"),
                    ("mention", "Mention"),
                    ("flag", "Signalement"),
                ],
                max_length=10,
                verbose_name="nature",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                fields=("user", "post", "kind"), name="notifications_once_per_post_and_kind"
            ),
        ),
    ]
