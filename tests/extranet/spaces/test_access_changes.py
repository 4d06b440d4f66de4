"""Access follows the current rows: removal, deactivation, role changes, archiving."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.spaces import permissions, services
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role, SpacePermission


def test_removal_takes_effect_on_the_next_call(space, member, owner):
    assert permissions.can_view_space(member, space)
    services.remove_member(by=owner, membership=Membership.objects.get(space=space, user=member))
    assert not permissions.can_view_space(member, space)
    assert not permissions.can_post(member, space)
    assert not permissions.filter_spaces_queryset(member).exists()


def test_deactivation_takes_effect_on_the_next_call(space, member):
    assert permissions.can_post(member, space)
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert not permissions.can_view_space(member, space)
    assert not permissions.filter_spaces_queryset(member).exists()


def test_inactive_member_keeps_the_row_but_gets_nothing(space, inactive_member):
    assert Membership.objects.filter(space=space, user=inactive_member).exists()
    assert permissions.get_space_rights(inactive_member, space) == frozenset()


def test_role_change_takes_effect_on_the_next_call(space, member, owner):
    assert not permissions.can_moderate(member, space)
    membership = Membership.objects.get(space=space, user=member)
    services.change_role(by=owner, membership=membership, role=Role.MODERATOR)
    assert permissions.can_moderate(member, space)
    services.change_role(by=owner, membership=membership, role=Role.MEMBER)
    assert not permissions.can_moderate(member, space)


def test_archived_space_is_read_only_for_every_role(space, member, moderator, owner):
    space.is_archived = True
    space.save()
    for user in (member, moderator, owner):
        assert permissions.get_space_rights(user, space) == {SpacePermission.VIEW}


def test_archived_space_stays_writable_for_staff(space, staff):
    space.is_archived = True
    space.save()
    assert permissions.can_post(staff, space)
    assert permissions.can_edit_space(staff, space)


def test_archived_space_refusal_says_it_is_archived(space, member):
    import pytest
    from django.core.exceptions import PermissionDenied

    space.is_archived = True
    space.save()
    with pytest.raises(PermissionDenied, match="archivé"):
        permissions.check_post(member, space)


def test_group_permission_opens_a_space_without_membership(space, outsider):
    group = Group.objects.create(name="Chargé·e·s de mission R&T")
    outsider.groups.add(group)
    from guardian.shortcuts import assign_perm

    assign_perm(SpacePermission.VIEW.full_codename, group, space)
    assert permissions.can_view_space(outsider, space)
    assert not permissions.can_post(outsider, space)
    assert list(permissions.filter_spaces_queryset(outsider)) == [space]


def test_model_level_permission_never_opens_a_space(space, outsider):
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(
        Permission.objects.get(codename=SpacePermission.VIEW, content_type__app_label="spaces")
    )
    assert not permissions.can_view_space(outsider, space)
    assert not permissions.filter_spaces_queryset(outsider).exists()


def test_request_cache_answers_many_questions_with_one_query(space, other_space, owner):
    with permissions.request_rights_cache(), CaptureQueriesContext(connection) as queries:
        for check in (
            permissions.can_view_space,
            permissions.can_post,
            permissions.can_moderate,
            permissions.can_edit_space,
        ):
            check(owner, space)
            check(owner, other_space)
    assert len(queries) == 1


def test_request_cache_is_dropped_when_a_membership_changes(space, member, owner):
    with permissions.request_rights_cache():
        assert permissions.can_view_space(member, space)
        services.remove_member(
            by=owner, membership=Membership.objects.get(space=space, user=member)
        )
        assert not permissions.can_view_space(member, space)


def test_no_cache_survives_outside_a_request(space, member):
    with permissions.request_rights_cache():
        assert permissions.can_view_space(member, space)
    Membership.objects.filter(space=space, user=member).delete()
    assert not permissions.can_view_space(member, space)


def test_middleware_scopes_the_cache_to_one_request(rf, space, member):
    from extranet.spaces.permissions import SpaceRightsCacheMiddleware

    def view(request):
        with CaptureQueriesContext(connection) as queries:
            answers = [permissions.can_post(member, space) for _ in range(5)]
        return answers, len(queries)

    answers, query_count = SpaceRightsCacheMiddleware(view)(rf.get("/extranet/"))
    assert answers == [True] * 5 and query_count == 1
    Membership.objects.filter(space=space, user=member).delete()
    answers, _ = SpaceRightsCacheMiddleware(view)(rf.get("/extranet/"))
    assert answers == [False] * 5
