"""Who may read the pages under a view restriction, as search asks it.

Two answers, both read afresh on every call:

``readable_restricted_sections``: the restricted sections (``cms.visibility``) whose every
restriction lets the user in, as Wagtail decides when serving the page: a login restriction
lets in every active, authenticated user; a group restriction its groups' members (and
superusers); a password restriction nobody in advance (a password is given per browser
session, not to an account).

``admin_page_paths``: the sections of the page tree the user may see in the Wagtail admin,
where editors find every page, restricted or not:

- without the right to use the admin (``wagtailadmin.access_admin``, through a group or given
  directly), no page: the ``is_staff`` flag alone opens nothing (it only lets one into
  Django's own admin);
- superusers: every page;
- the others: the pages at or under a page on which one of their groups holds a page
  permission (Wagtail's ``GroupPagePermission``, whatever the action: add, change, publish…),
  the pages the admin's explorer shows them.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction

from cms import compiled
from cms.visibility import Restrictions

ADMIN_ACCESS = "wagtailadmin.access_admin"
#: Every tree path starts with it: the sections of a superuser.
WHOLE_TREE = ""


def can_access_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(ADMIN_ACCESS))


@dataclass(frozen=True)
class PageAccess:
    """What both answers need of a user: their groups and the tree paths of the pages where
    one of those groups holds a page permission."""

    group_ids: frozenset = frozenset()
    page_permission_paths: frozenset = frozenset()


NO_PAGE_ACCESS = PageAccess()


def _groups_and_page_paths(user_pk):
    return (
        Group.objects.filter(user=user_pk)
        .order_by()
        .values_list("pk", "page_permissions__page__path")
    )


def page_access(user) -> PageAccess:
    """``user``'s groups and their page permissions, read now in one query (none for an
    anonymous, inactive or superuser caller, whom groups change nothing for). Its SQL is
    compiled once (``cms.compiled``): search asks it on every query."""
    (access,) = compiled.read_together(page_access_reading(user))
    return access


def page_access_reading(user) -> compiled.Reading:
    """``page_access``, to be read with other statements (``compiled.read_together``)."""
    if not (user.is_authenticated and user.is_active) or user.is_superuser:
        return compiled.Reading(None, lambda _rows: NO_PAGE_ACCESS)
    statement = compiled.Statement(
        "cms.groups_and_page_paths", Group, _groups_and_page_paths, (user.pk,)
    )
    return compiled.Reading(statement, _page_access_of_rows)


def _page_access_of_rows(rows):
    return PageAccess(
        frozenset(group_id for group_id, _ in rows),
        frozenset(path for _, path in rows if path is not None),
    )


def admin_page_paths(user, access=None) -> list[str]:
    """Tree paths of the sections ``user`` may see in the admin: a page is theirs to see when
    its ``path`` starts with one of them. Sorted, without a path under another one.
    ``access``: ``page_access(user)`` already read, else read here."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_superuser:
        return [WHOLE_TREE]
    # The page permissions first (asked on every search): most callers hold none, and need
    # not load their permissions for the admin's.
    paths = (access or page_access(user)).page_permission_paths
    if not paths or not can_access_admin(user):
        return []
    sections = []
    for path in sorted(paths):
        if not any(path.startswith(section) for section in sections):
            sections.append(path)
    return sections


def readable_restricted_sections(user, restrictions=None, access=None) -> list[str]:
    """Tree paths of the restricted sections ``user`` may read (``restrictions``: the
    restrictions already read, else read here; ``access``: ``page_access(user)`` already
    read, else read here, only when a group restriction could let them in)."""
    restrictions = restrictions or Restrictions()
    group_ids = frozenset()
    needs_groups = any(
        restriction.kind == BaseViewRestriction.GROUPS
        for path in restrictions.paths
        for restriction in restrictions.by_path[path]
    )
    if needs_groups:
        group_ids = (access or page_access(user)).group_ids
    return restrictions.sections_readable_by(user, group_ids)
