"""Every role × every permission question × both spaces, stated explicitly.

Read a cell as "<in space> / <in other_space>": Y allowed, - refused. `other_space` has an
owner of its own and no member from the role fixtures. Targets of `remove_member` and
`change_role` are plain members of the space in question. The `owner` fixture is the only
owner of `space`, so it may not leave it; staff are not members, so they have nothing to leave.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from extranet.spaces import permissions
from extranet.spaces.models import Membership, Space
from extranet.spaces.roles import Role, SpacePermission
from tests.factories.extranet import make_member

MATRIX = """
action           anonymous outsider member moderator owner removed_member staff inactive_member
view_space       -/-       -/-      Y/-    Y/-       Y/-   -/-            Y/Y   -/-
post             -/-       -/-      Y/-    Y/-       Y/-   -/-            Y/Y   -/-
upload           -/-       -/-      Y/-    Y/-       Y/-   -/-            Y/Y   -/-
attend_meetings  -/-       -/-      Y/-    Y/-       Y/-   -/-            Y/Y   -/-
moderate         -/-       -/-      -/-    Y/-       Y/-   -/-            Y/Y   -/-
manage_meetings  -/-       -/-      -/-    Y/-       Y/-   -/-            Y/Y   -/-
invite           -/-       -/-      -/-    Y/-       Y/-   -/-            Y/Y   -/-
invite_owner     -/-       -/-      -/-    -/-       Y/-   -/-            Y/Y   -/-
remove_member    -/-       -/-      -/-    Y/-       Y/-   -/-            Y/Y   -/-
change_role      -/-       -/-      -/-    -/-       Y/-   -/-            Y/Y   -/-
edit_space       -/-       -/-      -/-    -/-       Y/-   -/-            Y/Y   -/-
leave_space      -/-       -/-      Y/-    Y/-       -/-   -/-            -/-   -/-
"""


def _parse(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    roles = lines[0][1:]
    cases = []
    for action, *cells in lines[1:]:
        for role, cell in zip(roles, cells, strict=True):
            in_space, in_other = cell.split("/")
            cases.append((role, action, "space", in_space == "Y"))
            cases.append((role, action, "other_space", in_other == "Y"))
    return cases


CASES = _parse(MATRIX)


def _ask(action, user, space):
    """(can_* answer, the matching check_* as a callable) for one action."""
    target = None
    if action in {"remove_member", "change_role"}:
        target = Membership.objects.select_related("space").get(
            space=space, user=make_member(space, Role.MEMBER)
        )
    questions = {
        "view_space": (permissions.can_view_space, permissions.check_view_space, (space,)),
        "post": (permissions.can_post, permissions.check_post, (space,)),
        "upload": (permissions.can_upload, permissions.check_upload, (space,)),
        "attend_meetings": (
            permissions.can_attend_meetings,
            permissions.check_attend_meetings,
            (space,),
        ),
        "moderate": (permissions.can_moderate, permissions.check_moderate, (space,)),
        "manage_meetings": (
            permissions.can_manage_meetings,
            permissions.check_manage_meetings,
            (space,),
        ),
        "invite": (permissions.can_invite, permissions.check_invite, (space, Role.MEMBER)),
        "invite_owner": (permissions.can_invite, permissions.check_invite, (space, Role.OWNER)),
        "remove_member": (
            permissions.can_remove_member,
            permissions.check_remove_member,
            (target,),
        ),
        "change_role": (permissions.can_change_role, permissions.check_change_role, (target,)),
        "edit_space": (permissions.can_edit_space, permissions.check_edit_space, (space,)),
        "leave_space": (permissions.can_leave_space, permissions.check_leave_space, (space,)),
    }
    can, check, args = questions[action]
    return can(user, *args), lambda: check(user, *args)


def test_matrix_covers_every_can_function():
    asked = {name for name in dir(permissions) if name.startswith("can_")}
    covered = {
        "can_view_space",
        "can_post",
        "can_upload",
        "can_attend_meetings",
        "can_moderate",
        "can_manage_meetings",
        "can_invite",
        "can_remove_member",
        "can_change_role",
        "can_edit_space",
        "can_leave_space",
    }
    assert asked == covered


@pytest.mark.parametrize(("role", "action", "where", "expected"), CASES)
def test_can_answers_match_the_matrix(request, space, other_space, role, action, where, expected):
    user = request.getfixturevalue(role)
    target_space = {"space": space, "other_space": other_space}[where]
    answer, _ = _ask(action, user, target_space)
    assert answer is expected


@pytest.mark.parametrize(("role", "action", "where", "expected"), CASES)
def test_check_raises_404_when_unseen_and_403_when_seen(
    request, space, other_space, role, action, where, expected
):
    user = request.getfixturevalue(role)
    target_space = {"space": space, "other_space": other_space}[where]
    _, check = _ask(action, user, target_space)
    if expected:
        check()
    elif permissions.can_view_space(user, target_space):
        with pytest.raises(PermissionDenied):
            check()
    else:
        with pytest.raises(Http404):
            check()


def test_filtered_spaces_are_those_where_the_rights_hold_the_permission(
    any_role, space, other_space
):
    """``filter_spaces_queryset(permission=…)`` is ``get_space_rights`` as a queryset, for
    every permission, archived space included (rule 5)."""
    _, user = any_role
    for archived in (False, True):
        Space.objects.filter(pk=space.pk).update(is_archived=archived)
        space.refresh_from_db()
        for permission in SpacePermission:
            expected = {
                candidate.pk
                for candidate in (space, other_space)
                if permission in permissions.get_space_rights(user, candidate)
            }
            filtered = permissions.filter_spaces_queryset(user, permission=permission)
            assert set(filtered.values_list("pk", flat=True)) == expected, (permission, archived)
