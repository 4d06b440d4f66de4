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

from wagtail.models import BaseViewRestriction, GroupPagePermission

from cms.visibility import Restrictions

ADMIN_ACCESS = "wagtailadmin.access_admin"
#: Every tree path starts with it: the sections of a superuser.
WHOLE_TREE = ""


def can_access_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(ADMIN_ACCESS))


def admin_page_paths(user) -> list[str]:
    """Tree paths of the sections ``user`` may see in the admin: a page is theirs to see when
    its ``path`` starts with one of them. Sorted, without a path under another one."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_superuser:
        return [WHOLE_TREE]
    # The page permissions first (one query, asked on every search): most callers hold none,
    # and need not load their permissions for the admin's.
    paths = set(
        GroupPagePermission.objects.filter(group__in=user.groups.all()).values_list(
            "page__path", flat=True
        )
    )
    if not paths or not can_access_admin(user):
        return []
    sections = []
    for path in sorted(paths):
        if not any(path.startswith(section) for section in sections):
            sections.append(path)
    return sections


def readable_restricted_sections(user, restrictions=None) -> list[str]:
    """Tree paths of the restricted sections ``user`` may read (``restrictions``: the
    restrictions already read, else read here). One query for the user's groups, only when a
    group restriction could let them in."""
    restrictions = restrictions or Restrictions()
    group_ids = frozenset()
    needs_groups = any(
        restriction.kind == BaseViewRestriction.GROUPS
        for path in restrictions.paths
        for restriction in restrictions.by_path[path]
    )
    if needs_groups and user.is_authenticated and user.is_active and not user.is_superuser:
        group_ids = frozenset(user.groups.values_list("pk", flat=True))
    return restrictions.sections_readable_by(user, group_ids)
