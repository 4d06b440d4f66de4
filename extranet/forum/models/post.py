from django.conf import settings
from django.db import models
from django.utils import timezone


def visible_posts(prefix=""):
    """What members see of posts: neither hidden by a moderator nor deleted by its author.

    The one form of the rule for querysets (``prefix``: the path to the post, ``"post__"``
    from a notification); ``Post.is_visible`` is its form for one post. Pages, the API,
    notifications and search's documents ask one or the other."""
    return models.Q(**{f"{prefix}is_hidden": False, f"{prefix}deleted_at__isnull": True})


class PostQuerySet(models.QuerySet):
    def visible(self):
        """What members see (``visible_posts``)."""
        return self.filter(visible_posts())


class BodyFormat(models.TextChoices):
    """How the author wrote a post. Either way ``Post.body`` holds the cleaned HTML shown."""

    MARKDOWN = "markdown", "Markdown"
    # Posts written before Markdown (and API clients that still send HTML): the body is both
    # what was written and what is shown.
    HTML = "html", "HTML"


class Post(models.Model):
    """A message in a topic. ``body`` is HTML already cleaned by ``extranet.forum.sanitize``,
    rendered from ``source`` when the author wrote Markdown (``extranet.forum.writing``), so
    pages show ``body`` as stored and never render Markdown on a read.

    Nothing is ever erased by the forum: a moderator *hides* a post (with a reason, reversible)
    and an author *deletes* their own post softly (``deleted_at``; the text moves to the
    history). Both keep the thread's history reviewable by moderators and staff.
    """

    topic = models.ForeignKey(
        "forum.Topic", on_delete=models.CASCADE, related_name="posts", verbose_name="sujet"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
        verbose_name="auteur·rice",
    )
    body = models.TextField("message")
    # HTML by default: a post made without its Markdown (the posts stored before Markdown, the
    # admin, fixtures) is its body. The forum services always say which format they write.
    format = models.CharField(
        "format", max_length=10, choices=BodyFormat.choices, default=BodyFormat.HTML
    )
    source = models.TextField(
        "texte saisi",
        blank=True,
        help_text="Le Markdown écrit par l'auteur·rice (vide pour un message écrit en HTML).",
    )
    created_at = models.DateTimeField("publié le", default=timezone.now)
    edited_at = models.DateTimeField("modifié le", null=True, blank=True)

    is_hidden = models.BooleanField("masqué", default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="masqué par",
    )
    hidden_reason = models.CharField("motif du masquage", max_length=500, blank=True)
    hidden_at = models.DateTimeField("masqué le", null=True, blank=True)

    deleted_at = models.DateTimeField(
        "supprimé le",
        null=True,
        blank=True,
        help_text="Supprimé par son auteur·rice : le texte reste dans l'historique.",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "message"
        verbose_name_plural = "messages"
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["topic", "created_at"], name="forum_post_thread"),
            models.Index(fields=["created_at"], name="forum_post_created"),
        ]

    def __str__(self):
        return f"Message de {self.author or 'membre parti·e'} dans « {self.topic} »"

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        """The post's fragment identifier in its topic's page (``id`` of its ``<article>``)."""
        return f"message-{self.pk}"

    @property
    def editable_text(self):
        """What the edit form shows: the Markdown as written, or the HTML of older posts."""
        return self.source if self.format == BodyFormat.MARKDOWN else self.body

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_visible(self):
        """``visible_posts`` for this post."""
        return not self.is_hidden and self.deleted_at is None


class RevisionKind(models.TextChoices):
    EDIT = "edit", "Modification"
    DELETION = "deletion", "Suppression par l'auteur·rice"


class PostRevision(models.Model):
    """A body a post had before an edit (or before its author deleted it)."""

    post = models.ForeignKey(
        "forum.Post", on_delete=models.CASCADE, related_name="revisions", verbose_name="message"
    )
    kind = models.CharField(
        "nature", max_length=10, choices=RevisionKind.choices, default=RevisionKind.EDIT
    )
    body = models.TextField("texte précédent")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="modifié par",
    )
    created_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        verbose_name = "version précédente d'un message"
        verbose_name_plural = "historique des messages"
        ordering = ["post", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} du {self.created_at:%d/%m/%Y %H:%M}"


class Mention(models.Model):
    """``@Prénom.Nom`` in a post, resolved to a member of the topic's space (never outsiders)."""

    post = models.ForeignKey(
        "forum.Post", on_delete=models.CASCADE, related_name="mentions", verbose_name="message"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_mentions",
        verbose_name="membre mentionné·e",
    )
    created_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        verbose_name = "mention"
        verbose_name_plural = "mentions"
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="forum_mention_unique"),
        ]

    def __str__(self):
        return f"@{self.user}"
