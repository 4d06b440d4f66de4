"""Everything that changes the forum. Views and the API call these, never the ORM directly.

Every function acting for someone checks ``extranet.forum.permissions`` first (raising
``Http404``/``PermissionDenied``), renders and cleans what members wrote with
``writing.render_body`` (Markdown, or HTML for older posts and API clients that send it) and
raises ``ValidationError`` with French field messages for bad input.

Counters: a topic's ``post_count``, ``last_post`` and ``last_activity_at`` change only here,
inside ``transaction.atomic`` after locking the topic row (``select_for_update``), and with
``F()`` increments, so concurrent replies serialise on the topic and none is lost or
miscounted. The post's timestamp is taken *after* the lock, so ``last_post`` is always the
latest post.

Locks are held for the writes only (``locking``): what needs no lock — rendering Markdown,
cleaning, resolving @mentions — is done before the transaction, and on PostgreSQL a writer
that cannot get a lock within ``FORUM_LOCK_TIMEOUT_MS`` gives up with ``TopicBusy`` (« Le
sujet est très sollicité, réessayez dans un instant. ») and writes nothing.

Deleting one's own post is soft (see ``delete_post``): nothing the forum shows ever vanishes
from the history moderators and staff can review.

Cached fragments: what a write here makes stale is declared in ``portal.fragments.registry``
and bumped in the same transaction by its signals, or by ``portal.fragments.writes`` for the
``update()`` and ``bulk_create()`` written here (always through it). The topic's counters are
written last in a reply, so the space's version, which they bump, has its row lock held for
an instant.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Count, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from extranet.spaces import permissions as space_permissions
from extranet.spaces.models import Membership
from extranet.versions import FIELD as VERSION
from portal.fragments import writes

from . import permissions
from .history import record_moderation
from .locking import lock, locking_transaction
from .mentions import link_mentions, mentioned_members
from .models import (
    BodyFormat,
    Mention,
    ModerationKind,
    Post,
    PostRevision,
    RevisionKind,
    Topic,
    TopicReadState,
)
from .sanitize import html_to_text
from .signals import mentions_added, post_published, topic_renamed
from .writing import render_body

MAX_BODY_LENGTH = 50_000
MAX_TITLE_LENGTH = Topic._meta.get_field("title").max_length
MAX_REASON_LENGTH = Post._meta.get_field("hidden_reason").max_length
HIDING_FIELDS = ["is_hidden", "hidden_by", "hidden_reason", "hidden_at"]


def _posts_with_space():
    return Post.objects.select_related("topic__space")


# --- input ----------------------------------------------------------------------------------


def clean_title(title) -> str:
    title = " ".join(str(title or "").split())
    if not title:
        raise ValidationError({"title": "Le titre est obligatoire."})
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(
            {"title": f"Le titre ne doit pas dépasser {MAX_TITLE_LENGTH} caractères."}
        )
    return title


def clean_body(body, format=BodyFormat.HTML) -> tuple[str, str]:
    """``(source, html)`` of what was typed: the Markdown kept as written (empty for HTML) and
    the cleaned HTML shown; refuses what is empty once cleaned (e.g. only a script)."""
    body = str(body or "")
    if format not in BodyFormat.values:
        raise ValidationError({"format": "Format de message inconnu (markdown ou html)."})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            {"body": f"Le message ne doit pas dépasser {MAX_BODY_LENGTH} caractères."}
        )
    html = render_body(body, format)
    if not html_to_text(html):
        raise ValidationError({"body": "Le message est vide."})
    source = body.replace("\r\n", "\n").strip() if format == BodyFormat.MARKDOWN else ""
    return source, html


# --- writing ------------------------------------------------------------------------------------


def create_topic(space, author, title, body, format=BodyFormat.HTML) -> Topic:
    """Open a topic with its first post. The author must be allowed to post in the space.

    ``format``: how ``body`` is written (the web UI sends Markdown; HTML by default, what the
    API and the demo content have always sent)."""
    permissions.check_start_topic(author, space)
    title = clean_title(title)
    written = _written(clean_body(body, format), space)
    with locking_transaction():
        now = timezone.now()
        topic = Topic.objects.create(
            space=space, title=title, author=author, created_at=now, last_activity_at=now
        )
        post = _add_post(topic, author, written, format)  # the new topic bumped its space
    _announce(post, new_topic=True)
    return topic


def reply(topic, author, body, format=BodyFormat.HTML) -> Post:
    """Add a reply. Concurrent replies to one topic serialise on the topic row, which is held
    for the writes only: the body is rendered and its mentions resolved before (a topic never
    changes space)."""
    written = _written(clean_body(body, format), topic.space)
    with locking_transaction():
        locked = lock(Topic.objects.select_related("space"), topic.pk, permissions.TOPIC_NOT_FOUND)
        # Checked under the lock: a topic locked a moment ago takes no more replies.
        permissions.check_reply(author, locked)
        post = _add_post(locked, author, written, format)
    _take_state(topic, locked)
    _announce(post, new_topic=False)
    return post


def _take_state(topic, current):
    """Give the caller's ``topic`` the state of ``current``, the same row read under its lock
    and kept up to date by the writes (what ``refresh_from_db`` would read again). The
    version, bumped DB-side, is left deferred on both: reading it reloads it."""
    for field in Topic._meta.concrete_fields:
        if field.attname in current.__dict__:
            setattr(topic, field.attname, getattr(current, field.attname))
        else:
            topic.__dict__.pop(field.attname, None)
    topic._state.fields_cache.pop("last_post", None)


def _written(cleaned, space) -> tuple[str, str, list]:
    """``(source, body, named)``: the cleaned body with its mentions of members of ``space``
    made links, and those members. Needs no lock: done before the transaction."""
    source, body = cleaned
    named = mentioned_members(body, space)
    return source, link_mentions(body, space, named), named


def _add_post(topic, author, written, format) -> Post:
    source, body, named = written
    now = timezone.now()
    post = Post.objects.create(
        topic=topic, author=author, body=body, source=source, format=format, created_at=now
    )
    mentioned = [user for user in named if user.pk != author.pk]
    Mention.objects.bulk_create([Mention(post=post, user=user) for user in mentioned])
    post.mentioned_users = mentioned
    _mark_read(author, topic, now)
    # Values, not F() expressions: the topic's row is held (locked, or created in this
    # transaction), so ``topic`` is its current state and ends up as the row is, without
    # reading it again (but its version, bumped DB-side: deferred). Last: it bumps the
    # space, whose row lock is then held until the commit.
    changes = {"post_count": topic.post_count + 1, "last_post": post, "last_activity_at": now}
    writes.update(Topic.objects.filter(pk=topic.pk), **changes)
    for name, value in changes.items():
        setattr(topic, name, value)
    topic.__dict__.pop(VERSION, None)
    return post


def edit_post(post, editor, body, format=None) -> Post:
    """Replace a post's body, keeping the previous one in ``PostRevision``.

    ``format`` defaults to the post's own: a post written in HTML before Markdown is edited as
    HTML, so editing it never changes how the rest of it renders.

    Members mentioned for the first time by the edit are mentioned (and notified); those
    already mentioned are not notified again.
    """
    format = format or post.format
    source, body, named = _written(clean_body(body, format), post.topic.space)
    with locking_transaction():
        locked = lock(_posts_with_space(), post.pk, permissions.POST_NOT_FOUND)
        permissions.check_edit_post(editor, locked)
        if body == locked.body and source == locked.source and format == locked.format:
            return locked
        now = timezone.now()
        PostRevision.objects.create(
            post=locked, kind=RevisionKind.EDIT, body=locked.body, editor=editor, created_at=now
        )
        locked.body, locked.source, locked.format = body, source, format
        locked.edited_at = now
        changed = ["body", "source", "format", "edited_at"]
        locked.save(update_fields=changed)
        _sync_instance(post, locked, changed)
        already = set(Mention.objects.filter(post=locked).values_list("user_id", flat=True))
        exclude = already | {locked.author_id, editor.pk}
        new_mentions = [user for user in named if user.pk not in exclude]
        Mention.objects.bulk_create([Mention(post=locked, user=user) for user in new_mentions])
    locked.mentioned_users = new_mentions
    _announce_mentions(locked, new_mentions)
    return locked


def rename_topic(topic, by, title) -> Topic:
    permissions.check_rename_topic(by, topic)
    title = clean_title(title)
    writes.update(Topic.objects.filter(pk=topic.pk), title=title)
    topic.title = title
    topic_renamed.send(sender=Topic, topic=topic)
    return topic


def delete_post(post, by) -> Post:
    """An author removes their own post.

    Soft on purpose: the body moves to the history (``PostRevision`` of kind "deletion") and
    the post disappears for members, while moderators and staff still see it. Someone who
    posts an insult and deletes it once reported leaves a trace; mentions and e-mails already
    sent keep pointing at a real row; the topic's counters simply stop counting it.
    """
    with locking_transaction():
        topic = lock(Topic.objects.all(), post.topic_id, permissions.TOPIC_NOT_FOUND)
        locked = lock(_posts_with_space(), post.pk, permissions.POST_NOT_FOUND)
        permissions.check_delete_post(by, locked)
        now = timezone.now()
        PostRevision.objects.create(
            post=locked, kind=RevisionKind.DELETION, body=locked.body, editor=by, created_at=now
        )
        locked.body = locked.source = ""
        locked.deleted_at = now
        locked.save(update_fields=["body", "source", "deleted_at"])
        _sync_instance(post, locked, ["body", "source", "deleted_at"])
        _refresh_topic_summary(topic)
    return locked


def hide_post(post, by, reason) -> Post:
    """A moderator hides a post from members, with a reason shown to moderators. The post's
    open flags are handled by it; the action goes to the post's history."""
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise ValidationError({"reason": "Indiquez le motif du masquage."})
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            {"reason": f"Le motif ne doit pas dépasser {MAX_REASON_LENGTH} caractères."}
        )
    with locking_transaction():
        topic = lock(Topic.objects.all(), post.topic_id, permissions.TOPIC_NOT_FOUND)
        locked = lock(_posts_with_space(), post.pk, permissions.POST_NOT_FOUND)
        permissions.check_hide_post(by, locked)
        locked.is_hidden = True
        locked.hidden_by = by
        locked.hidden_reason = reason
        locked.hidden_at = timezone.now()
        locked.save(update_fields=HIDING_FIELDS)
        _sync_instance(post, locked, HIDING_FIELDS)
        record_moderation(locked, by, ModerationKind.HIDE, reason)
        _refresh_topic_summary(topic)
    return locked


def restore_post(post, by) -> Post:
    """A moderator shows a hidden post again (its open flags handled, the action in its
    history)."""
    with locking_transaction():
        topic = lock(Topic.objects.all(), post.topic_id, permissions.TOPIC_NOT_FOUND)
        locked = lock(_posts_with_space(), post.pk, permissions.POST_NOT_FOUND)
        permissions.check_hide_post(by, locked)
        locked.is_hidden = False
        locked.hidden_by = None
        locked.hidden_reason = ""
        locked.hidden_at = None
        locked.save(update_fields=HIDING_FIELDS)
        _sync_instance(post, locked, HIDING_FIELDS)
        record_moderation(locked, by, ModerationKind.RESTORE)
        _refresh_topic_summary(topic)
    return locked


def _sync_instance(target, source, fields):
    """Let the caller's instance reflect a change made on the locked copy."""
    if target is not source:
        for field in fields:
            setattr(target, field, getattr(source, field))


def _refresh_topic_summary(topic) -> None:
    """Recount a (locked) topic's visible posts: used after the rare moderation changes."""
    visible = Post.objects.visible().filter(topic=topic)
    last = visible.order_by("-created_at", "-pk").first()
    writes.update(
        Topic.objects.filter(pk=topic.pk),
        post_count=visible.count(),
        last_post=last,
        last_activity_at=last.created_at if last else topic.created_at,
    )


def set_pinned(topic, by, pinned=True) -> Topic:
    permissions.check_pin_topic(by, topic)
    writes.update(Topic.objects.filter(pk=topic.pk), is_pinned=bool(pinned))
    topic.is_pinned = bool(pinned)
    return topic


def set_locked(topic, by, locked=True) -> Topic:
    permissions.check_lock_topic(by, topic)
    writes.update(Topic.objects.filter(pk=topic.pk), is_locked=bool(locked))
    topic.is_locked = bool(locked)
    return topic


# --- reading ------------------------------------------------------------------------------------


_UNKNOWN = object()


def mark_topic_read(user, topic, read_at=_UNKNOWN) -> bool:
    """Record that ``user`` has read ``topic`` up to its last activity (one upsert query).

    Callers that already know the stored read date (``read_at``: ``None`` when never read,
    e.g. annotated by ``with_last_read_at`` in the query that fetched the topic) pass it: when
    it already covers the topic's last activity nothing is written, so reading a topic again
    costs no transaction. Returns whether a write happened.
    """
    if user is None or not user.is_authenticated:
        return False
    if read_at is not _UNKNOWN and read_at is not None and read_at >= topic.last_activity_at:
        return False
    _mark_read(user, topic, topic.last_activity_at)
    return True


def with_last_read_at(user, topics):
    """Annotate ``my_last_read_at`` (``None`` if never read) on ``topics``: a subquery, so the
    topic page knows whether to record a reading without a query of its own."""
    read_at = (
        TopicReadState.objects.filter(user_id=user.pk, topic=OuterRef("pk"))
        .order_by()
        .values("last_read_at")[:1]
    )
    return topics.annotate(my_last_read_at=Subquery(read_at))


def _mark_read(user, topic, at) -> None:
    """Upsert the read mark (one statement; the registry bumps the member's version in the
    space: their unread counts in "my spaces")."""
    writes.bulk_create(
        TopicReadState,
        [TopicReadState(user=user, topic_id=topic.pk, last_read_at=at)],
        update_conflicts=True,
        unique_fields=["user", "topic"],
        update_fields=["last_read_at"],
    )


def with_unread_flag(user, topics):
    """Annotate ``is_unread`` on ``topics``: the one definition of "unread" in the extranet.

    A topic is unread when its last visible activity is later than the member's last reading
    of it, or, never opened, later than their arrival in the space (joining a space with years
    of history does not flood "my spaces"). Subqueries, so it costs no query per topic.
    """
    # `.order_by()`: the models' Meta ordering would otherwise be compiled into each
    # subquery (Membership's joins and sorts spaces and users for every topic evaluated).
    read_at = (
        TopicReadState.objects.filter(user_id=user.pk, topic=OuterRef("pk"))
        .order_by()
        .values("last_read_at")[:1]
    )
    joined_at = (
        Membership.objects.filter(user_id=user.pk, space=OuterRef("space_id"))
        .order_by()
        .values("joined_at")[:1]
    )
    return topics.annotate(read_baseline=Coalesce(Subquery(read_at), Subquery(joined_at))).annotate(
        is_unread=Case(
            When(last_activity_at__gt=F("read_baseline"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def unread_counts_for(user, spaces) -> Counter:
    """Number of unread topics per space id, for "my spaces": one query whatever the number of
    spaces (``spaces``: Space objects, ids or a queryset). Missing keys count 0.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Counter()
    space_ids = spaces
    if not hasattr(spaces, "query"):
        space_ids = [getattr(space, "pk", space) for space in spaces]
        if not space_ids:
            return Counter()
    topics = Topic.objects.filter(
        space_id__in=space_ids,
        space__in=space_permissions.filter_spaces_queryset(user).values("pk"),
        post_count__gt=0,
    )
    rows = (
        with_unread_flag(user, topics)
        .filter(is_unread=True)
        .order_by()
        .values("space_id")
        .annotate(unread=Count("pk"))
    )
    return Counter({row["space_id"]: row["unread"] for row in rows})


# --- notifications -------------------------------------------------------------------------------


def _announce(post, *, new_topic):
    """Tell whoever listens (the notifications, once the post is committed)."""
    post_published.send(sender=Post, post=post, new_topic=new_topic)


def _announce_mentions(post, users):
    """Tell whoever listens that an edit mentions ``users`` for the first time."""
    if users:
        mentions_added.send(sender=Post, post=post, users=list(users))
