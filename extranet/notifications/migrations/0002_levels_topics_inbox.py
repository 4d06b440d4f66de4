"""Notification levels per space and per topic, and the in-app list.

The space levels were "all" (the default: every new topic and reply), "mentions" and "none";
they become "watching", "normal" and "muted". Rows with "all" hold the old default (a row is
made by any change, of the digest too): they become the new default, "normal", which is the
point of the change (no more e-mail for every reply). "mentions" becomes "normal" (it keeps the
mentions that member asked for, and adds new topics), "none" becomes "muted".
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


OLD_TO_NEW = {"all": "normal", "mentions": "normal", "none": "muted"}
NEW_TO_OLD = {"watching": "all", "normal": "all", "muted": "none"}


def _convert(mapping):
    def convert(apps, schema_editor):
        SpaceSubscription = apps.get_model("notifications", "SpaceSubscription")
        for old, new in mapping.items():
            SpaceSubscription.objects.filter(level=old).update(level=new)

    return convert


class Migration(migrations.Migration):

    dependencies = [
        ('forum', '0003_post_format_source'),
        ('notifications', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(_convert(OLD_TO_NEW), _convert(NEW_TO_OLD)),
        migrations.AlterField(
            model_name='spacesubscription',
            name='level',
            field=models.CharField(choices=[('watching', 'Tout suivre : chaque nouveau sujet et chaque réponse'), ('normal', 'Normal : nouveaux sujets, mentions et sujets auxquels je participe'), ('muted', 'Silence : aucune notification, même pas les mentions')], default='normal', max_length=10, verbose_name='notifications'),
        ),
        migrations.CreateModel(
            name='Notification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('new_topic', 'Nouveau sujet'), ('reply', 'Réponse'), ('mention', 'Mention')], max_length=10, verbose_name='nature')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='lue le')),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='forum.post', verbose_name='message')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL, verbose_name='membre')),
            ],
            options={
                'verbose_name': 'notification',
                'verbose_name_plural': 'notifications',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['user', 'read_at'], name='notifications_unread'), models.Index(fields=['user', '-created_at'], name='notifications_list')],
                'constraints': [models.UniqueConstraint(fields=('user', 'post'), name='notifications_once_per_post')],
            },
        ),
        migrations.CreateModel(
            name='TopicSubscription',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.CharField(choices=[('watching', 'Tout suivre : chaque nouveau sujet et chaque réponse'), ('normal', 'Normal : nouveaux sujets, mentions et sujets auxquels je participe'), ('muted', 'Silence : aucune notification, même pas les mentions')], max_length=10, verbose_name='notifications')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modifié le')),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='subscriptions', to='forum.topic', verbose_name='sujet')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='topic_subscriptions', to=settings.AUTH_USER_MODEL, verbose_name='membre')),
            ],
            options={
                'verbose_name': 'abonnement à un sujet',
                'verbose_name_plural': 'abonnements aux sujets',
                'ordering': ['user', 'topic'],
                'constraints': [models.UniqueConstraint(fields=('user', 'topic'), name='notifications_topic_level')],
            },
        ),
    ]
