from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from extranet.versions import BumpOnSave


class TopicQuerySet(models.QuerySet):
    def in_display_order(self):
        """Pinned topics first, then the most recently active (the space home's order)."""
        return self.order_by("-is_pinned", "-last_activity_at", "-pk")


class Topic(BumpOnSave, models.Model):
    """A thread in a space's forum.

    ``post_count``, ``last_post`` and ``last_activity_at`` summarise the posts members see
    (neither hidden nor deleted). They are denormalised so "my spaces" and a space home list
    topics without touching posts, and are only ever changed by ``extranet.forum.services``
    under a row lock on the topic, so concurrent replies keep them exact.
    """

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="topics", verbose_name="espace"
    )
    title = models.CharField("titre", max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_topics",
        verbose_name="auteur·rice",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    is_pinned = models.BooleanField(
        "épinglé", default=False, help_text="Un sujet épinglé reste en tête de la liste."
    )
    is_locked = models.BooleanField(
        "verrouillé",
        default=False,
        help_text="Plus personne ne peut répondre à un sujet verrouillé.",
    )
    last_activity_at = models.DateTimeField("dernière activité", default=timezone.now)
    post_count = models.PositiveIntegerField("nombre de messages", default=0, editable=False)
    last_post = models.ForeignKey(
        "forum.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name="dernier message",
    )
    version = models.PositiveBigIntegerField(
        "version",
        default=0,
        editable=False,
        help_text="Augmente à chaque changement de ce que montre la page du sujet (clé des "
        "fragments mis en cache, voir extranet/versions.py).",
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = "sujet"
        verbose_name_plural = "sujets"
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["space", "-is_pinned", "-last_activity_at"], name="forum_topic_listing"
            ),
            models.Index(fields=["space", "last_activity_at"], name="forum_topic_activity"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("extranet:topic_detail", kwargs={"slug": self.space.slug, "pk": self.pk})
