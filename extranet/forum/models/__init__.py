"""Forum of a space: topics, their posts, edit history, mentions and read tracking."""

from .post import Mention, Post, PostQuerySet, PostRevision, RevisionKind
from .reading import TopicReadState
from .topic import Topic, TopicQuerySet

__all__ = [
    "Mention",
    "Post",
    "PostQuerySet",
    "PostRevision",
    "RevisionKind",
    "Topic",
    "TopicQuerySet",
    "TopicReadState",
]
