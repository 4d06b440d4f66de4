"""The moderation part of a post's history: one ``ModerationAction`` per decision.

Lower layer of the forum's writes: ``services`` (hide, restore) and ``moderation`` (dismiss)
call ``record_moderation`` inside their own transaction, so a decision and its trace are
committed together, and any decision on a post handles the flags open on it.
"""

from django.utils import timezone

from .models import Flag, FlagStatus, ModerationAction


def record_moderation(post, by, kind, reason="") -> ModerationAction:
    """Close ``post``'s open flags and record ``kind`` (a ``ModerationKind``) by ``by``."""
    now = timezone.now()
    closed = Flag.objects.filter(post=post, status=FlagStatus.OPEN).update(
        status=FlagStatus.HANDLED, handled_at=now, handled_by=by
    )
    return ModerationAction.objects.create(
        post=post, kind=kind, moderator=by, reason=reason, flags_closed=closed, created_at=now
    )
