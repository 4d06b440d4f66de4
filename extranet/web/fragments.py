"""Cached fragments of the extranet pages: "my spaces" and a topic page.

A fragment is the HTML of a page's own content (what is inside ``extranet_content``); the
layout around it (session, user, messages, navigation, CSRF tokens of the layout) is rendered
at every request. Fragments are per member: they show the member's unread counts, role and
own-post buttons.

**Key.** A fragment is stored under a digest of everything it shows, read at each request by
one lean query *before* anything else of the page (``my_spaces_key``, ``topic_state``):
- the *access* (which spaces the member may see, their rights in the space), decided by
  ``extranet.spaces.permissions`` from the request's rights query, before the cache is read:
  a removed member gets a 404, a deactivated account never reaches the view;
- the version counters (``extranet.versions``) of the rows shown, bumped by every write that
  changes them (declared in ``portal.fragments.registry``), plus each row's creation date
  (an id reused after a deletion, as SQLite may do, is another row);
- the member's id, and whatever else of the request changes the HTML (page number).
A write that commits after the key was read changes the counter: the next request reads a
new key. A fragment computed meanwhile from older rows lands under the older key, which no
request asks for any more. Nothing is ever deleted: old entries expire (``TIMEOUT``).

**CSRF.** No token is ever stored. A fragment with forms is rendered with a random
placeholder in place of the token (one per rendering, stored with it, so no post can guess
it); each request puts its own token in its place.

**Submission tokens.** Nor is the hidden token of a creation form (``once``): it must be new
at each showing of the page, or two replies written from one cached page would be taken for
one. The fragment holds ``form_token`` as the placeholder followed by ``FORM_TOKEN_SUFFIX``
(a character no placeholder has), replaced by a fresh token at each request.

**Layout.** The lean query also reads the generations the page's menu and footer are
keyed by (``cms.navigation.layout``), so the layout needs no query of its own.

**Failures.** A cache that errors (Redis down) is treated as a miss: the page is computed.
"""

import hashlib
import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from cms import generation
from cms.navigation import layout
from portal.fragments.registry import key

from . import once

logger = logging.getLogger(__name__)

PREFIX = "extranet:fragment"
TIMEOUT = 24 * 60 * 60  # entries are never invalidated, only left behind: bound their life
NO_TOKEN = ""
FORM_TOKEN_SUFFIX = ".form"  # "." is not in token_urlsafe's alphabet


def make_key(kind, *parts):
    """A cache key for `parts` (values with a stable ``repr``: ids, numbers, dates, tuples),
    of a fragment declared in ``portal.fragments.registry`` (what it shows, so what bumps
    its counters): an undeclared `kind` raises ``LookupError``."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()
    return key(f"{PREFIX}:{kind}", digest)


def csrf_token(request):
    """This request's CSRF token, made once (each ``get_token`` call masks it afresh, which
    costs random bytes): the fragment and the layout's forms share it. Views pass it to the
    page as ``csrf_token``, which takes precedence over the context processor's."""
    token = getattr(request, "_fragment_csrf_token", None)
    if token is None:
        token = request._fragment_csrf_token = get_token(request)
    return token


def get(request, key):
    """The cached fragment (safe HTML, with this request's CSRF token), or None."""
    try:
        entry = cache.get(key)
    except Exception:  # a cache outage must not break the page
        logger.warning("Cache des fragments indisponible (lecture)", exc_info=True)
        return None
    if entry is None:
        return None
    placeholder, html = entry
    return mark_safe(_fill(request, placeholder, html))


def _fill(request, placeholder, html):
    """``html`` with this request's CSRF token and fresh submission tokens."""
    if not placeholder:
        return html
    html = html.replace(placeholder + FORM_TOKEN_SUFFIX, once.new_token())
    return html.replace(placeholder, csrf_token(request))


def render(request, key, template_name, context, *, forms=False):
    """Render `template_name` with `context` (no request context: nothing of the session
    leaks in), store it under `key` (when not None) and return it for this request.

    `forms`: the fragment holds ``{% csrf_token %}`` tags and maybe ``{{ form_token }}``
    (rendered as placeholders, see the module docstring).
    """
    placeholder = secrets.token_urlsafe(24) if forms else NO_TOKEN
    tokens = {"csrf_token": placeholder or None}
    if placeholder:
        tokens["form_token"] = placeholder + FORM_TOKEN_SUFFIX
    html = get_template(template_name).render({**context, **tokens})
    if key is not None:
        try:
            cache.set(key, (placeholder, html), TIMEOUT)
        except Exception:
            logger.warning("Cache des fragments indisponible (écriture)", exc_info=True)
    return mark_safe(_fill(request, placeholder, html))


# --- the lean version queries ----------------------------------------------------------------


def fetch_all(sql, params):
    """Rows of one raw query: no ORM to build and compile, at every request."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def fetch_one(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def to_datetime(value):
    """A datetime read by a raw query, as the ORM would return it (SQLite gives naive
    datetimes or text; PostgreSQL aware datetimes already)."""
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if value is None or convert is None:
        return value
    return convert(value, None, connection)


def _tables():
    from extranet.forum.models import Topic, TopicReadState
    from extranet.spaces.models import Membership, Space

    return {
        "membership": Membership._meta.db_table,
        "space": Space._meta.db_table,
        "topic": Topic._meta.db_table,
        "read": TopicReadState._meta.db_table,
    }


# The layout's generations (``cms.navigation.layout.SCOPES``) are read by the page's first
# statement, as trailing columns (``cms.generation.latest_token_sql``), then handed to the
# request's memo: the menu and footer around the fragment cost no query of their own (one
# round trip fewer per warm page, bench.extranet_pages). A member of no space gets no row:
# the layout then reads them itself.
LAYOUT_PARAMS = list(layout.SCOPES)


def _layout_generations():
    return ", ".join(generation.latest_token_sql() for _ in layout.SCOPES)


def _remember_layout_generations(row):
    generation.remember(layout.SCOPES, row[-len(layout.SCOPES) :])


_SQL = {}


def _sql(name):
    """The raw statements, built once from the models' table names."""
    if not _SQL:
        t = _tables()
        # Creation dates as text: they only tell rows apart in the key, and parsing 40
        # datetimes per request costs more than the rest of the query.
        _SQL["my_spaces"] = (
            f"SELECT m.space_id, m.role, m.version, CAST(m.joined_at AS TEXT), s.version, "
            f"CAST(s.created_at AS TEXT), {_layout_generations()} "
            f"FROM {t['membership']} m INNER JOIN {t['space']} s ON s.id = m.space_id "
            f"WHERE m.user_id = %s ORDER BY m.space_id"
        )
        from extranet import rows
        from extranet.spaces.models import Space

        quote = connection.ops.quote_name
        space = quote(t["space"])
        _SQL["topic"] = (
            f"SELECT {rows.columns(Space)}, t.id, t.version, CAST(t.created_at AS TEXT), "
            f"t.title, t.post_count, t.is_locked, t.is_pinned, t.last_activity_at, t.author_id, "
            f"(SELECT r.last_read_at FROM {t['read']} r WHERE r.user_id = %s "
            f"AND r.topic_id = t.id), {_layout_generations()} "
            f"FROM {space} LEFT OUTER JOIN {t['topic']} t "
            f"ON t.space_id = {space}.{quote('id')} AND t.id = %s "
            f"WHERE {space}.{quote('slug')} = %s"
        )
    return _SQL[name]


def my_spaces_key(user):
    """The key of `user`'s "my spaces" fragment: one query (memberships with their versions
    and their spaces'), then the spaces the permission module lets them see, from the
    request's rights. Includes every row the fragment shows: role, arrival and read marks
    (membership version), name, kind, archiving, members count and forum activity (space
    version)."""
    from extranet.spaces import permissions

    rows = fetch_all(_sql("my_spaces"), [*LAYOUT_PARAMS, user.pk])
    if rows:
        _remember_layout_generations(rows[0])
    rows = [row[: -len(LAYOUT_PARAMS)] for row in rows]
    visible = set(permissions.filter_space_ids(user, [row[0] for row in rows]))
    return make_key("my-spaces", user.pk, tuple(row for row in rows if row[0] in visible))


def space_and_topic(request, slug, pk):
    """The space of `slug` and its topic `pk` as the topic page needs it before the cache
    (title, counters, flags, version, the member's last reading as `my_last_read_at`), in one
    statement: `(space or None, topic or None)`. A `load` for `access.space_view`, which asks
    the permission module about the space before the view runs.

    The topic is a partial `Topic` (no author, no last post): enough for the permission
    module and the read mark, not for rendering the thread.
    """
    from extranet import rows
    from extranet.forum.models import Topic
    from extranet.spaces.models import Space

    row = fetch_one(_sql("topic"), [request.user.pk, *LAYOUT_PARAMS, pk, slug])
    if row is None:
        return None, None
    _remember_layout_generations(row)
    space = rows.from_row(Space, row)
    topic_columns = row[-10 - len(LAYOUT_PARAMS) : -len(LAYOUT_PARAMS)]
    topic_id, version, created, title, posts, locked, pinned, activity, author_id, read_at = (
        topic_columns
    )
    if topic_id is None:
        return space, None
    topic = Topic(
        id=topic_id,
        space_id=space.pk,
        version=version,
        created_at=None,  # read as text, for the key only (`topic.created`)
        title=title,
        post_count=posts,
        is_locked=bool(locked),
        is_pinned=bool(pinned),
        last_activity_at=to_datetime(activity),
        author_id=author_id,
    )
    topic.space = space
    topic.created = created
    topic.my_last_read_at = to_datetime(read_at)
    return space, topic


def topic_key(user, space, topic, page, rights, open_flags=0):
    """The key of `user`'s fragment of one page of `topic`: the topic's version (posts,
    title, flags, names shown), the page asked for, the member and their rights in the space
    (moderation, own-post buttons, reply form, settings link), the space's slug (in the
    links), name (breadcrumb) and archiving, and for moderators the open flags counted in the
    space's navigation.
    """
    return make_key(
        "topic",
        topic.pk,
        topic.version,
        topic.created,
        page,
        user.pk,
        space.slug,
        space.name,
        space.is_archived,
        tuple(sorted(str(codename) for codename in rights)),
        open_flags,
    )
