"""The one place that answers "can this user … in this space?".

Three verbs, used by views, the API, templates, e-mails and search alike:
- `can_*` returns a bool;
- `check_*` raises `Http404` when the user may not even know the space exists, and
  `PermissionDenied` when they see it but may not do the thing;
- `filter_spaces_queryset` narrows a queryset to the spaces the user may see.

Rules, in order:
1. Anonymous and inactive users may do nothing (and see no space).
2. Active superusers ("staff superusers") may do everything, archived spaces included.
3. Anyone else holds what the guardian object permissions on the space grant
   (`SpaceUserObjectPermission` from their membership's role, `SpaceGroupObjectPermission`
   from their groups). Model-level permissions never open a space.
4. Without `view_space` nothing else counts (a space you cannot see does not exist for you).
5. An archived space is read-only: only `view_space` survives.

Decisions read current rows, so removing a membership or deactivating a user takes effect on
the very next call. Within one HTTP request, `SpaceRightsCacheMiddleware` loads the user's
permissions over all their spaces once (one query) and reuses them; outside a request (tasks,
shell, tests) every call queries afresh.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404

from cms import compiled
from extranet import rows

from .models import Membership, Space, SpaceGroupObjectPermission, SpaceUserObjectPermission
from .roles import ALL_PERMISSIONS, Role, SpacePermission

NO_RIGHTS = frozenset()
READ_ONLY = frozenset({SpacePermission.VIEW})

NOT_FOUND_MESSAGE = "Espace introuvable."

# Per-request cache: {user_pk: {space_pk: frozenset(codenames)}}; None outside a request.
_request_rights: ContextVar[dict | None] = ContextVar("space_rights", default=None)


# --- per-request cache -----------------------------------------------------------------------


@contextmanager
def request_rights_cache():
    """Cache each user's held permissions for the duration of the block (one HTTP request).

    Inside an already cached block (a helper opening one during a request), the outer cache is
    reused: the request reads the rights once, not once per helper.
    """
    if _request_rights.get() is not None:
        yield
        return
    token = _request_rights.set({})
    try:
        yield
    finally:
        _request_rights.reset(token)


def forget_cached_rights():
    """Drop the current request's cache (called whenever permissions are granted or revoked)."""
    cache = _request_rights.get()
    if cache is not None:
        cache.clear()


class SpaceRightsCacheMiddleware:
    """Scope the permission cache to one request, so the next request reads fresh rows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_rights_cache():
            return self.get_response(request)


# --- reading the guardian rows ----------------------------------------------------------------


def _is_live(user):
    return bool(user is not None and user.is_authenticated and user.is_active)


def _granted(user_pk, space_id=None):
    """(space id, codename) of every permission granted to the user (in ``space_id`` only,
    when given), directly (their memberships' roles) or through their groups. ``UNION ALL``:
    a permission held both ways comes twice, which the sets built from it absorb."""
    direct = SpaceUserObjectPermission.objects.filter(user_id=user_pk)
    grouped = SpaceGroupObjectPermission.objects.filter(group__user=user_pk)
    if space_id is not None:
        direct = direct.filter(content_object_id=space_id)
        grouped = grouped.filter(content_object_id=space_id)
    fields = ("content_object_id", "permission__codename")
    return (
        direct.order_by()
        .values_list(*fields)
        .union(grouped.order_by().values_list(*fields), all=True)
    )


# The union's parameters: each branch has its own, hence the repeats (``cms.compiled``).
def _granted_everywhere(user_pk, _user_pk):
    return _granted(user_pk)


def _granted_in_space(user_pk, space_id, _user_pk, _space_id):
    return _granted(user_pk, space_id)


def rights_statement(user_pk):
    """The statement of the user's rights over all their spaces (``_held_map`` reads it;
    search reads it with the rest of the caller's audience, ``search.audience``). Compiled
    once (``cms.compiled``): it runs at every request of every space page and every search,
    and building and compiling the ORM union cost more than running it."""
    return compiled.Statement("spaces.granted", Space, _granted_everywhere, (user_pk, user_pk))


def _held_rows(user, space_id=None):
    return _held_rows_of(user.pk, space_id)


def _held_rows_of(user_pk, space_id=None):
    """(space_id, codename) pairs granted to the user directly or through groups: one query."""
    if space_id is None:
        return compiled.rows(*rights_statement(user_pk))
    params = (user_pk, space_id, user_pk, space_id)
    return compiled.rows("spaces.granted_in_space", Space, _granted_in_space, params)


@lru_cache(maxsize=256)
def _known(codenames: frozenset) -> frozenset:
    """The space permissions among the held codenames, as `SpacePermission` members. Memoised:
    members hold one of a few sets (one per role, plus group grants)."""
    return frozenset(
        SpacePermission(codename) for codename in codenames if codename in ALL_PERMISSIONS
    )


def _held_map(user_pk, rows=None):
    """{space_id: frozenset(codenames)} of everything the user holds: one query (``rows``: the
    rows of ``rights_statement`` already read), cached for the request when one is open."""
    cache = _request_rights.get()
    if cache is not None and user_pk in cache:
        return cache[user_pk]
    by_space = defaultdict(set)
    for held_space_id, codename in _held_rows_of(user_pk) if rows is None else rows:
        by_space[held_space_id].add(codename)
    held = {key: frozenset(value) for key, value in by_space.items()}
    if cache is not None:
        cache[user_pk] = held
    return held


def _held_permissions(user, space_id):
    if _request_rights.get() is None:
        return frozenset(codename for _, codename in _held_rows(user, space_id))
    return _held_map(user.pk).get(space_id, NO_RIGHTS)


def get_space_rights(user, space: Space) -> frozenset[str]:
    """Effective permission codenames of `user` on `space`, after every rule above.

    Templates and APIs that need several answers for one space call this once.
    """
    if not _is_live(user):
        return NO_RIGHTS
    if user.is_superuser:
        return ALL_PERMISSIONS
    held = _held_permissions(user, space.pk)
    if SpacePermission.VIEW not in held:
        return NO_RIGHTS
    if space.is_archived:
        return READ_ONLY
    return _known(held)


# --- can_* -------------------------------------------------------------------------------------


def can_view_space(user, space: Space) -> bool:
    return SpacePermission.VIEW in get_space_rights(user, space)


def can_post(user, space: Space) -> bool:
    """Start topics and reply (the forum decides about locked topics on top of this)."""
    return SpacePermission.POST in get_space_rights(user, space)


def can_upload(user, space: Space) -> bool:
    return SpacePermission.UPLOAD in get_space_rights(user, space)


def can_attend_meetings(user, space: Space) -> bool:
    return SpacePermission.ATTEND_MEETINGS in get_space_rights(user, space)


def can_moderate(user, space: Space) -> bool:
    """Pin, lock, hide and restore contributions of others."""
    return SpacePermission.MODERATE in get_space_rights(user, space)


def can_manage_meetings(user, space: Space) -> bool:
    return SpacePermission.MANAGE_MEETINGS in get_space_rights(user, space)


def can_edit_space(user, space: Space) -> bool:
    return SpacePermission.EDIT in get_space_rights(user, space)


def can_invite(user, space: Space, role: str = Role.MEMBER) -> bool:
    """Invite someone with `role`. Granting the owner role needs the right to edit the space."""
    rights = get_space_rights(user, space)
    if SpacePermission.INVITE not in rights:
        return False
    return role != Role.OWNER or SpacePermission.EDIT in rights


def can_remove_member(user, membership: Membership) -> bool:
    """Remove `membership` from its space.

    Moderators remove plain members; owners (and staff) remove anyone. Nobody removes
    themselves through this: leaving is not moderation, it is `can_leave_space` (which
    keeps the last owner).
    """
    rights = get_space_rights(user, membership.space)
    if SpacePermission.REMOVE_MEMBERS not in rights:
        return False
    if membership.user_id == user.pk:
        return False
    return membership.role == Role.MEMBER or SpacePermission.EDIT in rights


def _leave_refusal(user, space: Space):
    """Why `user` may not leave `space` (None: they may). Leaving needs no right beyond
    membership, but the last owner stays: an ownerless space could not be edited or handed
    over by its members."""
    if not getattr(user, "is_active", False):  # anonymous or deactivated: no membership counts
        return "Vous n'êtes pas membre de cet espace."
    membership = Membership.objects.filter(space=space, user_id=user.pk)
    role = membership.values_list("role", flat=True).first()
    if role is None:
        return "Vous n'êtes pas membre de cet espace."
    if role == Role.OWNER:
        others = Membership.objects.filter(space=space, role=Role.OWNER, user__is_active=True)
        if not others.exclude(user_id=user.pk).exists():
            return (
                "Vous êtes la dernière personne responsable de cet espace : nommez un·e autre "
                "responsable avant de le quitter."
            )
    return None


def can_leave_space(user, space: Space) -> bool:
    """Leave `space`: any member, except its last active owner."""
    return _leave_refusal(user, space) is None


def can_change_role(user, membership: Membership) -> bool:
    """Change a member's role: owners and staff only, never their own role."""
    if membership.user_id == getattr(user, "pk", None):
        return False
    return SpacePermission.EDIT in get_space_rights(user, membership.space)


# --- check_* ----------------------------------------------------------------------------------


def _check(rights, permission, message):
    if SpacePermission.VIEW not in rights:
        raise Http404(NOT_FOUND_MESSAGE)
    if permission not in rights:
        raise PermissionDenied(message)


def check_view_space(user, space: Space) -> None:
    if not can_view_space(user, space):
        raise Http404(NOT_FOUND_MESSAGE)


def check_post(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.POST,
        _archived_or(space, "Vous ne pouvez pas publier dans cet espace."),
    )


def check_upload(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.UPLOAD,
        _archived_or(space, "Vous ne pouvez pas déposer de document dans cet espace."),
    )


def check_attend_meetings(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.ATTEND_MEETINGS,
        _archived_or(space, "Vous ne pouvez pas vous inscrire aux rencontres de cet espace."),
    )


def check_moderate(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.MODERATE,
        _archived_or(space, "Seul·e·s les animateur·rice·s de l'espace peuvent modérer."),
    )


def check_manage_meetings(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.MANAGE_MEETINGS,
        _archived_or(
            space, "Seul·e·s les animateur·rice·s de l'espace peuvent gérer les rencontres."
        ),
    )


def check_edit_space(user, space: Space) -> None:
    _check(
        get_space_rights(user, space),
        SpacePermission.EDIT,
        _archived_or(space, "Seul·e·s les responsables de l'espace peuvent le modifier."),
    )


def check_invite(user, space: Space, role: str = Role.MEMBER) -> None:
    check_view_space(user, space)
    if not can_invite(user, space, role):
        if role == Role.OWNER and can_invite(user, space, Role.MEMBER):
            raise PermissionDenied(
                "Seul·e·s les responsables de l'espace peuvent inviter un·e responsable."
            )
        raise PermissionDenied(
            _archived_or(space, "Seul·e·s les animateur·rice·s de l'espace peuvent inviter.")
        )


def check_remove_member(user, membership: Membership) -> None:
    check_view_space(user, membership.space)
    if not can_remove_member(user, membership):
        raise PermissionDenied(
            _archived_or(membership.space, "Vous ne pouvez pas retirer ce membre de l'espace.")
        )


def check_leave_space(user, space: Space) -> None:
    check_view_space(user, space)
    refusal = _leave_refusal(user, space)
    if refusal:
        raise PermissionDenied(refusal)


def check_change_role(user, membership: Membership) -> None:
    check_view_space(user, membership.space)
    if not can_change_role(user, membership):
        raise PermissionDenied(
            _archived_or(
                membership.space, "Seul·e·s les responsables de l'espace peuvent changer un rôle."
            )
        )


def _archived_or(space, message):
    if space.is_archived:
        return "Cet espace est archivé : il est consultable mais n'accepte plus de contribution."
    return message


# --- querysets and search -------------------------------------------------------------------


def filter_spaces_queryset(user, queryset=None, permission=SpacePermission.VIEW):
    """Narrow `queryset` (default: every space) to the spaces where `user` holds `permission`
    (default: may see them), by the rules above as `get_space_rights` applies them. No extra
    query: subqueries."""
    if queryset is None:
        queryset = Space.objects.all()
    if not _is_live(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    queryset = queryset.filter(_holds(user, SpacePermission.VIEW))
    if permission != SpacePermission.VIEW:
        # Rule 5: an archived space keeps `view_space` only.
        queryset = queryset.filter(_holds(user, permission), is_archived=False)
    return queryset


def _holds(user, codename) -> Q:
    """The spaces (rows of the outer queryset) where `user` holds `codename`, directly or
    through a group."""
    held = {"content_object": OuterRef("pk"), "permission__codename": codename}
    direct = SpaceUserObjectPermission.objects.filter(user_id=user.pk, **held)
    grouped = SpaceGroupObjectPermission.objects.filter(group__user=user.pk, **held)
    return Q(Exists(direct)) | Q(Exists(grouped))


def filter_space_ids(user, space_ids) -> list:
    """The ids among `space_ids` of the spaces `user` may see, in the same order.

    Answered from the request's rights cache (the one rights query of the request) when a
    request is open, for pages that already know which spaces they list (e.g. the memberships
    "my spaces" keys its cached fragment on): no query of its own then.
    """
    if not _is_live(user):
        return []
    if user.is_superuser:
        return list(space_ids)
    with request_rights_cache():
        held = _held_map(user.pk)
        return [
            space_id for space_id in space_ids if SpacePermission.VIEW in held.get(space_id, ())
        ]


def my_spaces(user):
    """The spaces `user` belongs to, for "my spaces": visible, with `members_count` and `my_role`.

    One query whatever the number of spaces. Staff superusers see only the spaces they are a
    member of here (the admin lists every space).
    """
    if not _is_live(user):
        return Space.objects.none()
    # `.order_by()`: Membership's Meta ordering would join and sort spaces and users inside
    # the role subquery, once per space.
    own = Membership.objects.filter(space=OuterRef("pk"), user_id=user.pk).order_by()
    queryset = Space.objects.filter(Exists(own)).annotate(my_role=Subquery(own.values("role")[:1]))
    return filter_spaces_queryset(user, queryset).with_members_count()


def get_visible_space_or_404(user, queryset=None, **lookup) -> Space:
    """Fetch a space by `lookup` among those `user` may see; 404 otherwise (never 403).

    The space is read by a plain lookup and the decision comes from `can_view_space`, i.e.
    from the request's rights cache: a space page asks the guardian tables once (the rights
    its template and permission questions need anyway), not a second time in an `EXISTS`.
    An unknown space and a space the user may not see give the same 404.
    """
    if not _is_live(user):
        raise Http404(NOT_FOUND_MESSAGE)
    if queryset is None and len(lookup) == 1 and set(lookup) <= {"slug", "pk"}:
        # The lookup of every space page: a statement written once (`extranet.rows`).
        ((column, value),) = lookup.items()
        space = rows.get_row(Space, "id" if column == "pk" else column, value)
        if space is None:
            raise Http404(NOT_FOUND_MESSAGE)
    else:
        try:
            space = (queryset if queryset is not None else Space.objects.all()).get(**lookup)
        except Space.DoesNotExist:
            raise Http404(NOT_FOUND_MESSAGE) from None
    if not can_view_space(user, space):
        raise Http404(NOT_FOUND_MESSAGE)
    return space


def audience_tokens(user) -> set[str]:
    """Search audience tokens of the spaces the user may read: `public`, `space:<id>`.

    Anonymous and inactive users get `{"public"}`; members add one token per space they may
    see; superusers see every space, so they get every space's token (spaces number in the
    hundreds, far below any engine's terms limit). The `is_staff` flag adds nothing: the
    team's view-restricted pages are search's question to `cms.permissions`.
    """
    (tokens,) = compiled.read_together(audience_reading(user))
    return tokens


def _all_space_ids():
    return Space.objects.order_by().values_list("pk")


def audience_reading(user) -> compiled.Reading:
    """`audience_tokens`, to be read with other statements (`compiled.read_together`): search
    reads it with the rest of the caller's audience in one round trip (`search.audience`)."""
    if not _is_live(user):
        return compiled.Reading(None, lambda _rows: {"public"})
    if user.is_superuser:
        return compiled.Reading(
            compiled.Statement("spaces.all_ids", Space, _all_space_ids),
            lambda rows: _tokens(space_id for (space_id,) in rows),
        )
    cache = _request_rights.get()
    if cache is not None and user.pk in cache:  # the request already read them
        return compiled.Reading(None, lambda _rows: _visible_tokens(cache[user.pk]))
    # The spaces held with the right to view, as `filter_spaces_queryset` decides, from the
    # one rights statement of the request (the ORM's two `Exists` over all spaces cost 2 ms,
    # most of it building the query).
    return compiled.Reading(
        rights_statement(user.pk), lambda rows: _visible_tokens(_held_map(user.pk, rows))
    )


def _visible_tokens(held):
    return _tokens(space_id for space_id, rights in held.items() if SpacePermission.VIEW in rights)


def _tokens(space_ids):
    return {"public", *(f"space:{space_id}" for space_id in space_ids)}
