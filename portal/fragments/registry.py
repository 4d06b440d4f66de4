"""The one registry of cached fragments: what each shows, so what writes must bump.

Each ``Fragment`` names its cache key prefix, the module that caches it, and its
``sources``: a model it shows and the counter a write to that model bumps (with the rows of
the counter the written row affects). ``portal.fragments.wiring`` connects the signals of
every source from this list, and ``portal.fragments.writes`` does the same for writes that
send no signal (``QuerySet.update()``, ``bulk_create()``); no writer bumps anything itself.
``tests/portal/test_fragment_bumps.py`` (and ``test_fragment_generations.py`` for the
layout) creates, updates and deletes a row of every source model and checks its counter
moved, so a new entry is tested as soon as it is declared; ``test_fragment_keys.py`` fails
on a module that caches without being declared here, or writes a declared model without
a signal and outside ``writes``.

When unsure whether a fragment shows something, declare it: a needless bump costs one
recomputation, a missing one shows stale content until the entry expires.
"""

from dataclasses import dataclass

from cms.generation import CONTENT, PAGES

from .counters import Generation, Rows, RowVersion, UserEntries, Users

# --- the counters ----------------------------------------------------------------------------

SPACE_VERSION = RowVersion("spaces.Space")
MEMBERSHIP_VERSION = RowVersion("spaces.Membership")
TOPIC_VERSION = RowVersion("forum.Topic")
UNREAD_COUNT = UserEntries("notifications:unread")
CONTENT_GENERATION = Generation(CONTENT)
PAGES_GENERATION = Generation(PAGES, bumped_by="cms.invalidation (publications)")

#: User fields shown on a topic page (``str(user)`` is the full name, or the e-mail).
DISPLAYED_USER_FIELDS = frozenset({"first_name", "last_name", "email", "organisation"})


@dataclass(frozen=True)
class Source:
    """``model`` is shown by the fragment: a write to it bumps ``counter`` on ``rows``.

    - ``fields``: only a save touching one of these fields matters (a save without
      ``update_fields`` is taken as touching all);
    - ``moves``: the attributes ``rows`` reads can change (a topic moved to another space):
      the rows of the former values are bumped too (a save reads them first: one query).

    A new row bumps nothing through rows found by its id (nothing refers to it yet, and a
    key reading its own rows sees it appear).
    """

    model: str
    counter: object
    rows: Rows | Users | None = None
    fields: frozenset | None = None
    moves: bool = False


@dataclass(frozen=True)
class Fragment:
    """A cached fragment (or value) and what it shows. ``prefix``: every key it is stored
    under starts with it (``portal.fragments.key``)."""

    prefix: str
    module: str
    shows: str
    sources: tuple = ()
    #: For the CMS's API and home page: their triggers are listed and tested by the CMS.
    invalidated_by: str = ""


_SELF = Rows.where(pk="pk")

MY_SPACES = Fragment(
    prefix="extranet:fragment:my-spaces",
    module="extranet.web.fragments",
    shows="each space of the member (name, kind, archiving, members count, forum activity) "
    "and their role, arrival and unread counts in it",
    sources=(
        Source("spaces.Space", SPACE_VERSION, _SELF),
        Source("spaces.Membership", SPACE_VERSION, Rows.where(pk="space_id")),
        Source("spaces.Membership", MEMBERSHIP_VERSION, _SELF),
        Source("forum.Topic", SPACE_VERSION, Rows.where(pk="space_id"), moves=True),
        Source(
            "forum.TopicReadState",
            MEMBERSHIP_VERSION,
            Rows.where(user_id="user_id", space__topics="topic_id"),
        ),
    ),
)

TOPIC_PAGE = Fragment(
    prefix="extranet:fragment:topic",
    module="extranet.web.fragments",
    shows="one page of a topic: its title, flags and counters, each post's text and state, "
    "the names of its authors and of the moderators who hid posts",
    sources=(
        Source("forum.Topic", TOPIC_VERSION, _SELF),
        Source("forum.Post", TOPIC_VERSION, Rows.where(pk="topic_id")),
        Source(
            "accounts.User",
            TOPIC_VERSION,
            Rows.any(author_id="pk", posts__author_id="pk", posts__hidden_by_id="pk"),
            fields=DISPLAYED_USER_FIELDS,
        ),
    ),
)

UNREAD_NOTIFICATIONS = Fragment(
    prefix=UNREAD_COUNT.prefix,
    module="extranet.notifications.inbox",
    shows="the member's unread notifications they may still follow (the header's count): "
    "their notifications, the posts' visibility, the spaces they see and moderate",
    sources=(
        Source("notifications.Notification", UNREAD_COUNT, Users()),
        Source(
            "forum.Post",
            UNREAD_COUNT,
            Users("notifications.Notification", "post_id"),
            fields=frozenset({"is_hidden", "deleted_at", "topic"}),
        ),
        Source(
            "forum.Topic",
            UNREAD_COUNT,
            Users("notifications.Notification", "post__topic_id"),
            fields=frozenset({"space"}),
        ),
        Source("spaces.Membership", UNREAD_COUNT, Users(), fields=frozenset({"role", "user"})),
        Source(
            "spaces.Space",
            UNREAD_COUNT,
            Users("spaces.Membership", "space_id"),
            fields=frozenset({"is_archived"}),
        ),
        # The spaces a member sees come from rights granted to them or to their groups
        # (``extranet.spaces.permissions``), from the groups they are in, and from their
        # account being active.
        Source("spaces.SpaceUserObjectPermission", UNREAD_COUNT, Users()),
        Source(
            "spaces.SpaceGroupObjectPermission",
            UNREAD_COUNT,
            Users("accounts.User_groups", "group_id", "group_id"),
        ),
        Source(
            "accounts.User",
            UNREAD_COUNT,
            Users("notifications.Notification", "user_id"),
            fields=frozenset({"groups", "is_active"}),
        ),
    ),
)

# The shared layout of every page (public site and extranet): the header menu and the footer,
# rendered, and what they are computed from (the site of the host, the menu's and footer's
# links). Keyed by the generations, which the CMS's triggers bump.
_LAYOUT_SOURCES = (
    Source("wagtailcore.Page", PAGES_GENERATION),
    Source("wagtailcore.Site", CONTENT_GENERATION),
    Source("wagtailcore.PageViewRestriction", CONTENT_GENERATION),
    Source("cms.FooterSettings", CONTENT_GENERATION),
)

LAYOUT = Fragment(
    prefix="layout",
    module="cms.navigation.layout",
    shows="the rendered header menu and footer of every page, per host",
    sources=_LAYOUT_SOURCES,
)
NAVIGATION = Fragment(
    prefix="cms-nav",
    module="cms.navigation.menus",
    shows="the links of the header menu and of the footer, per site",
    sources=_LAYOUT_SOURCES,
)
SITE = Fragment(
    prefix="cms-site",
    module="cms.sites",
    shows="the Wagtail site of a host",
    sources=(Source("wagtailcore.Site", CONTENT_GENERATION),),
)

# The public API's answers and the home page: keyed by several generations, whose triggers
# (publications, moves, restrictions, taxonomies, media…) the CMS lists and tests itself.
API = Fragment(
    prefix="cms-api",
    module="cms.api.cache",
    shows="the answers of the public API",
    invalidated_by="cms.api.cache.connect_signals and cms.invalidation (tests/cms)",
)
HOME = Fragment(
    prefix="cms-home",
    module="cms.home_cache",
    shows="the home page",
    invalidated_by="cms.api.cache.connect_signals and cms.invalidation (tests/cms)",
)

FRAGMENTS = (MY_SPACES, TOPIC_PAGE, UNREAD_NOTIFICATIONS, LAYOUT, NAVIGATION, SITE, API, HOME)


_BY_PREFIX = {declared.prefix: declared for declared in FRAGMENTS}


def fragment(prefix) -> Fragment:
    """The declared fragment of ``prefix``; ``LookupError`` for a key nobody declared."""
    try:
        return _BY_PREFIX[prefix]
    except KeyError:
        raise LookupError(
            f"Fragment en cache non déclaré dans portal.fragments : {prefix!r}"
        ) from None


def key(prefix, *parts) -> str:
    """The cache key of the declared fragment ``prefix`` for ``parts`` (``LookupError``
    when ``prefix`` is not declared): nothing is cached that no write is known to bump."""
    fragment(prefix)
    return ":".join([prefix, *(str(part) for part in parts)])


def sources_of(model_label) -> list[Source]:
    """Every declared source of ``model_label`` (``"forum.Post"``), across fragments, once."""
    label = model_label.lower()
    found = []
    for declared in FRAGMENTS:
        for source in declared.sources:
            if source.model.lower() == label and source not in found:
                found.append(source)
    return found


def wired_sources() -> list[Source]:
    """The sources whose counters the registry's own wiring bumps (not the generations,
    bumped by the CMS's triggers)."""
    found = []
    for declared in FRAGMENTS:
        for source in declared.sources:
            if not isinstance(source.counter, Generation) and source not in found:
                found.append(source)
    return found
