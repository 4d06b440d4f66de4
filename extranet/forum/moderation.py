"""Flags and the moderation queue: what members report and what moderators do about it.

Rules (one test each in tests/extranet/forum/test_moderation.py):
- a member flags a post once, with a reason (« Autre » needs a few words); only a post all
  members see, in a space where they may post, never their own (``permissions.check_flag_post``:
  404 for what they may not see, 403 otherwise);
- the queue of a space lists the posts with open flags, their count per reason, most flagged
  first; moderators of the space only, a 404 for anyone else;
- hiding from the queue hides the post (``services.hide_post``) and handles its open flags;
  restoring shows a hidden post again and handles them; dismissing handles them and leaves the
  post as it is. Each is a ``ModerationAction`` in the post's history (``history``).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Q
from django.dispatch import Signal

from . import permissions, services
from .history import record_moderation
from .models import Flag, FlagReason, FlagStatus, ModerationAction, ModerationKind, Post

MAX_DETAILS_LENGTH = Flag._meta.get_field("details").max_length
ALREADY_FLAGGED = "Vous avez déjà signalé ce message."

#: Sent (``flag=``) once a member's flag is saved. The notifications listen (the space's
#: moderators are told): the forum does not know who is notified, nor how.
post_flagged = Signal()


def flag_post(post, member, reason, details="") -> Flag:
    """``member`` flags ``post``; ``ValidationError`` (French, per field) for bad input or a
    second flag of the same post."""
    permissions.check_flag_post(member, post)
    details = " ".join(str(details or "").split())
    if reason not in FlagReason.values:
        raise ValidationError({"reason": "Choisissez un motif de signalement."})
    if reason == FlagReason.OTHER and not details:
        raise ValidationError({"details": "Précisez le motif du signalement."})
    if len(details) > MAX_DETAILS_LENGTH:
        raise ValidationError(
            {"details": f"Les précisions ne doivent pas dépasser {MAX_DETAILS_LENGTH} caractères."}
        )
    if Flag.objects.filter(post=post, member=member).exists():
        raise ValidationError(ALREADY_FLAGGED)
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, member=member, reason=reason, details=details)
    except IntegrityError:  # the same member, twice at once
        raise ValidationError(ALREADY_FLAGGED) from None
    post_flagged.send(sender=Flag, flag=flag)
    return flag


def open_flag_count(space) -> int:
    """Open flags on the posts of ``space`` (the number moderators see in its navigation)."""
    return Flag.objects.filter(status=FlagStatus.OPEN, post__topic__space=space).count()


@dataclass
class QueueEntry:
    """A flagged post of the queue, its open flags and their count per reason label."""

    post: Post
    flags: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.flags)

    @property
    def reasons(self):
        """[(label, count)], most frequent first."""
        counts = Counter(flag.get_reason_display() for flag in self.flags)
        return counts.most_common()


def queued_posts(user, space):
    """Posts of ``space`` with open flags, most flagged first (then oldest open flag), as a
    queryset the API paginates; ``queue_entries`` gives a page its flags."""
    permissions.check_handle_flags(user, space)
    open_flags = Q(flags__status=FlagStatus.OPEN)
    return (
        Post.objects.filter(open_flags, topic__space=space)
        .annotate(
            open_flag_count=Count("flags", filter=open_flags),
            first_flagged_at=Min("flags__created_at", filter=open_flags),
        )
        .select_related("topic", "author", "hidden_by")
        .order_by("-open_flag_count", "first_flagged_at", "pk")
    )


def queue_entries(posts, space) -> list[QueueEntry]:
    """The queue entries of ``posts`` (in their order), with their open flags: one query."""
    posts = list(posts)
    entries = {post.pk: QueueEntry(post) for post in posts}
    flags = (
        Flag.objects.filter(status=FlagStatus.OPEN, post__in=posts)
        .select_related("member")
        .order_by("created_at", "pk")
    )
    for flag in flags:
        entry = entries[flag.post_id]
        flag.post = entry.post
        entry.flags.append(flag)
    for post in posts:
        post.topic.space = space
    return list(entries.values())


def flag_queue(user, space) -> list[QueueEntry]:
    """The whole queue of ``space`` (the web page), in two queries."""
    return queue_entries(queued_posts(user, space), space)


def _check_handles(by, post):
    permissions.check_handle_flags(by, post.topic.space)


def hide_flagged_post(post, by, reason) -> Post:
    """Hide ``post`` from the queue; its open flags are handled (``services.hide_post``)."""
    _check_handles(by, post)
    if post.is_hidden:
        raise ValidationError("Ce message est déjà masqué.")
    return services.hide_post(post, by, reason)


def restore_flagged_post(post, by) -> Post:
    """Show a hidden ``post`` again from the queue; its open flags are handled."""
    _check_handles(by, post)
    if not post.is_hidden:
        raise ValidationError("Ce message n'est pas masqué.")
    return services.restore_post(post, by)


def dismiss_flags(post, by) -> ModerationAction:
    """Handle ``post``'s open flags without touching the post."""
    _check_handles(by, post)
    with transaction.atomic():
        if not post.flags.filter(status=FlagStatus.OPEN).exists():
            raise ValidationError("Aucun signalement à traiter pour ce message.")
        return record_moderation(post, by, ModerationKind.DISMISS)
