"""Forum of a space: topics, their posts, edit history, mentions, flags and moderation,
read tracking."""

from .moderation import Flag, FlagReason, FlagStatus, ModerationAction, ModerationKind
from .post import (
    BodyFormat,
    Mention,
    Post,
    PostQuerySet,
    PostRevision,
    RevisionKind,
    visible_posts,
)
from .reading import TopicReadState
from .topic import Topic, TopicQuerySet

__all__ = [
    "BodyFormat",
    "Flag",
    "FlagReason",
    "FlagStatus",
    "ModerationAction",
    "ModerationKind",
    "Mention",
    "Post",
    "PostQuerySet",
    "PostRevision",
    "RevisionKind",
    "Topic",
    "TopicQuerySet",
    "TopicReadState",
    "visible_posts",
]
