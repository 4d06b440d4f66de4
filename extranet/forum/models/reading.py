from django.conf import settings
from django.db import models
from django.utils import timezone


class TopicReadState(models.Model):
    """When a member last read a topic; unread means activity after it.

    A topic never opened counts from the member's arrival in the space (``Membership.joined_at``),
    so joining a space with years of history does not flood "my spaces" with unread topics.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="topic_read_states",
        verbose_name="membre",
    )
    topic = models.ForeignKey(
        "forum.Topic", on_delete=models.CASCADE, related_name="read_states", verbose_name="sujet"
    )
    last_read_at = models.DateTimeField("lu jusqu'au", default=timezone.now)

    class Meta:
        verbose_name = "lecture d'un sujet"
        verbose_name_plural = "lectures des sujets"
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_read_state_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.topic}"
