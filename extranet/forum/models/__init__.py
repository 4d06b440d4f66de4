"""Forum of a space: topics, their posts, edit history, mentions and read tracking."""

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
