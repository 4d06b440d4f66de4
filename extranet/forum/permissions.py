"""Who may do what with topics and posts. Views, the API, e-mails and search ask this module.

Space-level questions (may see the space, may post, may moderate) are answered by
``extranet.spaces.permissions`` only; this module adds the forum's own states on top:

- a topic is visible to whoever sees its space, except a topic with no visible post left
  (every post hidden or deleted), which only its space's moderators (and staff) see;
- hidden and deleted posts are visible to moderators and staff only;
- replying needs the right to post in the space and an unlocked topic (a locked topic takes no
  reply from anyone: moderators unlock first); an archived space takes none either (its
  members keep only the right to read, see ``spaces.permissions``);
- authors edit and delete their own posts while they may still post in the space and the
  topic is not locked; moderators edit any post, locked topic included;
- moderators pin, lock, hide and restore;
- a member who may post in the space flags a post all members see (neither hidden nor
  deleted), not their own; the space's moderators see the flags and handle them. To anyone
  else the moderation queue does not exist (404).

``check_*`` raise ``Http404`` when the user may not know the thing exists and
``PermissionDenied`` (French message) when they see it but may not act.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from extranet.spaces import permissions as space_permissions
from extranet.spaces.models import Space
from extranet.spaces.roles import SpacePermission

from .models import Post, Topic, visible_posts

TOPIC_NOT_FOUND = "Sujet introuvable."
POST_NOT_FOUND = "Message introuvable."
QUEUE_NOT_FOUND = "Page introuvable."


# --- topics ------------------------------------------------------------------------------------


def is_topic_shown_to_members(topic: Topic) -> bool:
    """Whether the members of its space see the topic: not once every post is hidden or
    deleted (``post_count`` counts the visible ones), when only its moderators (and staff) do.
    The one form of the rule: the topic page, the API and search's documents ask it."""
    return topic.post_count > 0


#: ``is_topic_shown_to_members`` as a queryset condition.
TOPIC_SHOWN_TO_MEMBERS = Q(post_count__gt=0)


def can_view_topic(user, topic: Topic) -> bool:
    if not space_permissions.can_view_space(user, topic.space):
        return False
    return is_topic_shown_to_members(topic) or space_permissions.can_moderate(user, topic.space)


def can_start_topic(user, space: Space) -> bool:
    return space_permissions.can_post(user, space)


def can_reply(user, topic: Topic) -> bool:
    return (
        not topic.is_locked
        and can_view_topic(user, topic)
        and space_permissions.can_post(user, topic.space)
    )


def can_pin_topic(user, topic: Topic) -> bool:
    return space_permissions.can_moderate(user, topic.space)


def can_lock_topic(user, topic: Topic) -> bool:
    return space_permissions.can_moderate(user, topic.space)


def can_rename_topic(user, topic: Topic) -> bool:
    """The title belongs with the opening post: its author (while they may edit) or moderators."""
    if space_permissions.can_moderate(user, topic.space):
        return True
    return (
        topic.author_id is not None
        and topic.author_id == getattr(user, "pk", None)
        and not topic.is_locked
        and space_permissions.can_post(user, topic.space)
    )


def check_view_topic(user, topic: Topic) -> None:
    if not can_view_topic(user, topic):
        raise Http404(TOPIC_NOT_FOUND)


def check_start_topic(user, space: Space) -> None:
    space_permissions.check_post(user, space)


def check_reply(user, topic: Topic) -> None:
    check_view_topic(user, topic)
    if topic.is_locked:
        raise PermissionDenied("Ce sujet est verrouillé : il n'accepte plus de réponse.")
    space_permissions.check_post(user, topic.space)


def check_pin_topic(user, topic: Topic) -> None:
    check_view_topic(user, topic)
    space_permissions.check_moderate(user, topic.space)


def check_lock_topic(user, topic: Topic) -> None:
    check_view_topic(user, topic)
    space_permissions.check_moderate(user, topic.space)


def check_rename_topic(user, topic: Topic) -> None:
    check_view_topic(user, topic)
    if not can_rename_topic(user, topic):
        raise PermissionDenied("Vous ne pouvez pas modifier le titre de ce sujet.")


# --- posts -------------------------------------------------------------------------------------


def can_view_post(user, post: Post) -> bool:
    if not can_view_topic(user, post.topic):
        return False
    return post.is_visible or space_permissions.can_moderate(user, post.topic.space)


def can_quote_post(user, post: Post) -> bool:
    """Quoting puts a post's words into a reply: only a post its members all see (neither
    hidden nor deleted, whoever asks, moderators included), by someone who may reply there."""
    return post.is_visible and can_view_post(user, post) and can_reply(user, post.topic)


def _is_author(user, post: Post) -> bool:
    return post.author_id is not None and post.author_id == getattr(user, "pk", None)


def can_edit_post(user, post: Post) -> bool:
    if post.is_deleted or not can_view_post(user, post):
        return False
    space = post.topic.space
    if space_permissions.can_moderate(user, space):
        return True
    return (
        _is_author(user, post)
        and not post.is_hidden
        and not post.topic.is_locked
        and space_permissions.can_post(user, space)
    )


def can_delete_post(user, post: Post) -> bool:
    """Authors delete their own posts; moderators hide instead (with a reason, reversibly)."""
    return (
        _is_author(user, post)
        and not post.is_deleted
        and not post.is_hidden
        and not post.topic.is_locked
        and can_view_post(user, post)
        and space_permissions.can_post(user, post.topic.space)
    )


def can_hide_post(user, post: Post) -> bool:
    return can_view_post(user, post) and space_permissions.can_moderate(user, post.topic.space)


def can_view_post_history(user, post: Post) -> bool:
    """Earlier versions: moderators and staff (who review abuse), and the author."""
    if not can_view_post(user, post):
        return False
    return _is_author(user, post) or space_permissions.can_moderate(user, post.topic.space)


class PostActions:
    """What a user may do with each post of one topic page, decided once for the page.

    The rules are those of ``can_view_post``, ``can_edit_post``, ``can_delete_post``,
    ``can_hide_post``, ``can_view_post_history``, ``can_quote_post`` and ``can_flag_post`` (a
    test checks they
    agree for every role and post state); the space-level answers (see the topic, moderate,
    post) are asked of ``extranet.spaces.permissions`` once instead of five or six times per
    post.
    """

    __slots__ = ("sees_topic", "moderates", "posts", "user_id", "locked")

    def __init__(self, user, topic: Topic):
        self.sees_topic = can_view_topic(user, topic)
        self.moderates = self.sees_topic and space_permissions.can_moderate(user, topic.space)
        self.posts = self.sees_topic and space_permissions.can_post(user, topic.space)
        self.user_id = getattr(user, "pk", None)
        self.locked = topic.is_locked

    def apply(self, post: Post) -> None:
        """Set ``body_visible``, ``can_edit``, ``can_delete``, ``can_hide``,
        ``can_view_history``, ``can_quote`` and ``can_flag`` on ``post`` (a post of the
        topic)."""
        author = post.author_id is not None and post.author_id == self.user_id
        deleted = post.deleted_at is not None
        visible = self.sees_topic and (self.moderates or (not post.is_hidden and not deleted))
        own_open = author and not post.is_hidden and not self.locked and self.posts
        post.body_visible = visible
        post.can_edit = visible and not deleted and (self.moderates or own_open)
        post.can_delete = visible and not deleted and own_open
        post.can_hide = visible and self.moderates
        post.can_view_history = (
            visible and bool(post.edited_at or deleted) and (author or self.moderates)
        )
        post.can_quote = (
            self.posts and not self.locked and not post.is_hidden and not deleted and visible
        )
        post.can_flag = self.posts and not author and not post.is_hidden and not deleted and visible


def check_view_post(user, post: Post) -> None:
    if not can_view_post(user, post):
        raise Http404(POST_NOT_FOUND)


def check_edit_post(user, post: Post) -> None:
    check_view_post(user, post)
    if not can_edit_post(user, post):
        raise PermissionDenied(_refusal(post, "Vous ne pouvez pas modifier ce message."))


def check_delete_post(user, post: Post) -> None:
    check_view_post(user, post)
    if not can_delete_post(user, post):
        raise PermissionDenied(_refusal(post, "Vous ne pouvez supprimer que vos propres messages."))


def check_hide_post(user, post: Post) -> None:
    check_view_post(user, post)
    space_permissions.check_moderate(user, post.topic.space)


# --- flags ---------------------------------------------------------------------------------------


def can_flag_post(user, post: Post) -> bool:
    """Flag: a post all members see, in a space where one may post, not one's own."""
    return (
        post.is_visible
        and not _is_author(user, post)
        and can_view_post(user, post)
        and space_permissions.can_post(user, post.topic.space)
    )


def check_flag_post(user, post: Post) -> None:
    """404 for a post the user may not see or that members no longer see (hidden, deleted);
    403 for one's own post or a space one may not post in (archived)."""
    if not post.is_visible:
        raise Http404(POST_NOT_FOUND)
    check_view_post(user, post)
    if _is_author(user, post):
        raise PermissionDenied("Vous ne pouvez pas signaler votre propre message.")
    space_permissions.check_post(user, post.topic.space)


def can_handle_flags(user, space: Space) -> bool:
    """See the space's moderation queue and act on it (hide, restore, dismiss)."""
    return space_permissions.can_moderate(user, space)


def filter_flag_handling_spaces_queryset(user, queryset=None):
    """The spaces whose moderation queue ``user`` may see and act on (``can_handle_flags`` as
    a queryset: no extra query)."""
    return space_permissions.filter_spaces_queryset(
        user, queryset, permission=SpacePermission.MODERATE
    )


def check_handle_flags(user, space: Space) -> None:
    """404, not 403: members need not know who flagged what, nor that a queue exists."""
    if not can_handle_flags(user, space):
        raise Http404(QUEUE_NOT_FOUND)


def _refusal(post, message):
    if post.topic.space.is_archived:
        return "Cet espace est archivé : il est consultable mais n'accepte plus de contribution."
    if post.topic.is_locked:
        return "Ce sujet est verrouillé."
    if post.is_deleted:
        return "Ce message a été supprimé."
    return message


# --- querysets ---------------------------------------------------------------------------------


def moderated_space_ids(user) -> set[int]:
    """Ids of the visible spaces ``user`` may moderate, in two queries whatever their number.

    The answer for each space comes from ``spaces.permissions`` (over one rights query thanks
    to its request cache, opened here when no request has opened one).
    """
    spaces = list(space_permissions.filter_spaces_queryset(user).only("pk", "is_archived"))
    if not spaces:
        return set()
    with space_permissions.request_rights_cache():
        return {space.pk for space in spaces if space_permissions.can_moderate(user, space)}


def filter_topics_queryset(user, queryset=None):
    """Topics ``user`` may see: those of visible spaces, minus emptied topics for non-moderators."""
    if queryset is None:
        queryset = Topic.objects.all()
    visible_spaces = space_permissions.filter_spaces_queryset(user).values("pk")
    queryset = queryset.filter(space__in=visible_spaces)
    moderated = moderated_space_ids(user)
    return queryset.filter(TOPIC_SHOWN_TO_MEMBERS | Q(space_id__in=moderated))


def filter_space_topics_queryset(user, space, queryset=None):
    """Topics of one ``space`` that ``user`` may see: the rule of ``filter_topics_queryset``,
    decided from the user's rights on that space (the request's rights cache) instead of
    permission subqueries, for pages that have already opened the space."""
    if queryset is None:
        queryset = Topic.objects.all()
    queryset = queryset.filter(space=space)
    if not space_permissions.can_view_space(user, space):
        return queryset.none()
    if not space_permissions.can_moderate(user, space):
        queryset = queryset.filter(TOPIC_SHOWN_TO_MEMBERS)
    return queryset


def filter_posts_queryset(user, queryset=None):
    """Posts ``user`` may see: visible posts of visible topics; hidden and deleted posts only in
    the spaces they moderate."""
    if queryset is None:
        queryset = Post.objects.all()
    visible_spaces = space_permissions.filter_spaces_queryset(user).values("pk")
    queryset = queryset.filter(topic__space__in=visible_spaces)
    moderated = moderated_space_ids(user)
    return queryset.filter(visible_posts() | Q(topic__space_id__in=moderated))
