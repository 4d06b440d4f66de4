"""The replies of a topic result that match the query: « 3 réponses correspondent ».

A topic and its replies are one search document (``search.documents.forum``), so a search
finds the conversation once. Which of its replies match is worked out here, for the topics
of the page only, from the posts as the members see them now (``Post.objects.visible()``)
and with the analysis of the snippets' marks (``search.highlight.text_terms``, the engines'
French analysis word by word, cached): a reply matches when it holds every word of the query
(any word, for approximate results), each word in one of its forms (accents, inclusive
writing, gendered forms, abbreviations), that is when its snippet would mark them all.

The opening post is not a reply: it is the topic itself. Only the text the index holds is
read (``THREAD_TEXT_LIMIT``), so a count never names a reply the search could not have found.
The link opens the first matching reply on its page of the thread, numbered as the members'
thread is (hidden posts keep their place there, deleted ones have none).
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import connections, router

from search.documents import plain_text
from search.documents.forum import THREAD_TEXT_LIMIT
from search.engines import ANY_WORD
from search.highlight import text_terms
from search.memo import Memo


@dataclass(frozen=True)
class ThreadReplies:
    """The matching replies of a topic result: how many, and the first one's address."""

    count: int
    url: str


def _matches(terms, plan, match):
    """Whether a text whose terms are ``terms`` holds the plan's words (every clause, or any
    with ``ANY_WORD``): a clause is found when all terms of one of its alternatives are."""
    found = (
        any(set(alternative.terms) <= terms for alternative in clause.alternatives)
        for clause in plan.clauses
    )
    return any(found) if match == ANY_WORD else all(found)


#: Rows turned into Python objects at a time (the rest waits in the driver's buffer).
FETCH_SIZE = 500
#: (number of topics, database alias) → the SQL of ``_thread_posts``, compiled by the ORM the
#: first time (as ``cms.compiled`` does): building and compiling the queryset was half of the
#: Python of ``matching_replies`` (#16), and the topic ids are all of its parameters.
_POSTS_SQL = {}


def _posts_queryset(topic_ids):
    from extranet.forum.models import Post

    # The members' thread: every post but those deleted by their authors, hidden ones as
    # placeholders (``extranet.web.views.topics.thread_posts``).
    return (
        Post.objects.filter(topic_id__in=topic_ids, deleted_at__isnull=True)
        .order_by("topic_id", "created_at", "pk")
        .values_list("topic_id", "pk", "is_hidden", "body")
    )


def _thread_posts(topic_ids):
    """``(topic id, post pk, is hidden, body)`` of the members' threads of ``topic_ids``, in
    thread order, made Python objects ``FETCH_SIZE`` at a time from one client-side cursor:
    one round trip. ``QuerySet.iterator`` would declare a server-side cursor on PostgreSQL
    (``DECLARE … WITH HOLD``, then ``FETCH`` and ``CLOSE``: four round trips, ≈ 0.5 ms of CPU
    per search, #16), whose result the server materialises whole anyway outside a
    transaction. The columns need no conversion (integers, text; SQLite's 0/1 for the flag
    is read for its truth)."""
    from extranet.forum.models import Post

    topic_ids = list(topic_ids)
    alias = router.db_for_read(Post)
    sql = _POSTS_SQL.get((len(topic_ids), alias))
    if sql is None:
        sql, params = _posts_queryset(topic_ids).query.get_compiler(alias).as_sql()
        if list(params) != topic_ids:
            raise ValueError(f"thread posts: parameters {params!r} are not {topic_ids!r}")
        _POSTS_SQL[(len(topic_ids), alias)] = sql
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, topic_ids)
        while rows := cursor.fetchmany(FETCH_SIZE):
            yield from rows


class ReplyText(NamedTuple):
    """What ``matching_replies`` reads of a post: the length of its plain text (the index
    holds ``THREAD_TEXT_LIMIT`` characters of a thread) and the terms of its words."""

    length: int
    terms: frozenset


def _reply_text(body):
    text = plain_text(body)
    return ReplyText(len(text), frozenset(text_terms(text)) if text else frozenset())


#: A post's HTML body → its ``ReplyText``, kept as the snippets keep the terms of runs: a
#: page of results shows the same conversations search after search, and ``strip_tags`` then
#: the terms of every word were most of the Python of ``matching_replies`` (#16). A function
#: of the body alone: an edited reply is another key. At most 2,000 bodies (the terms are
#: the snippets' own strings, shared: a few kilobytes a reply).
REPLY_TEXTS = Memo(_reply_text, limit=2_000)
_read_reply = REPLY_TEXTS.__getitem__


def matching_replies(documents, plan, match):
    """``{document pk: ThreadReplies}`` for the topic results among ``documents`` that have
    matching replies; one query for the whole page, none when it shows no topic."""
    from django.contrib.contenttypes.models import ContentType

    from extranet.forum.models import Post, Topic

    topic_type = ContentType.objects.get_for_model(Topic).pk  # cached by Django
    topics = {int(d.object_id): d for d in documents if d.content_type_id == topic_type}
    if not topics or plan.is_empty:
        return {}
    from extranet.web.paging import page_of_position

    counts, first, read, position = {}, {}, {}, {}
    for topic_id, pk, is_hidden, body in _thread_posts(topics):
        before = position.get(topic_id, 0)
        position[topic_id] = before + 1
        if is_hidden:
            continue
        reply = _read_reply(body)
        if not reply.length:
            continue  # nothing of it is indexed (``thread_text``)
        if topic_id not in read:  # the first visible post opens the topic
            read[topic_id] = reply.length + 1
            continue
        read[topic_id] += reply.length + 1
        if read[topic_id] > THREAD_TEXT_LIMIT + 1:
            continue  # beyond what the index holds
        if _matches(reply.terms, plan, match):
            counts[topic_id] = counts.get(topic_id, 0) + 1
            if topic_id not in first:
                page = page_of_position(before)
                first[topic_id] = f"{topics[topic_id].url}?page={page}#{Post(pk=pk).anchor}"
    return {
        topics[topic_id].pk: ThreadReplies(count, first[topic_id])
        for topic_id, count in counts.items()
    }
