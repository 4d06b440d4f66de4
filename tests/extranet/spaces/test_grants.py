"""Guardian object permissions mirror the membership's role, whatever writes the membership."""

import pytest
from django.contrib.auth.models import Permission

from extranet.spaces import grants
from extranet.spaces.models import Membership, SpaceUserObjectPermission
from extranet.spaces.roles import ROLE_PERMISSIONS, Role, SpacePermission
from tests.factories.extranet import MembershipFactory
from tests.factories.users import UserFactory


def _held(user, space):
    return set(
        SpaceUserObjectPermission.objects.filter(user=user, content_object=space).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.parametrize("role", list(Role))
def test_saving_a_membership_grants_exactly_the_role_permissions(space, role):
    membership = MembershipFactory(space=space, role=role)
    assert _held(membership.user, space) == {str(p) for p in ROLE_PERMISSIONS[role]}


def test_guardian_backend_agrees_with_the_role(space, moderator, member):
    assert moderator.has_perm(SpacePermission.MODERATE.full_codename, space)
    assert not member.has_perm(SpacePermission.MODERATE.full_codename, space)


def test_demotion_removes_the_extra_permissions(space, owner):
    membership = Membership.objects.get(space=space, user=owner)
    membership.role = Role.MEMBER
    membership.save()
    assert _held(owner, space) == {str(p) for p in ROLE_PERMISSIONS[Role.MEMBER]}


def test_deleting_a_membership_removes_its_permissions(space, member):
    Membership.objects.filter(space=space, user=member).delete()
    assert _held(member, space) == set()


def test_permissions_on_other_spaces_are_untouched(space, other_space, member):
    MembershipFactory(space=other_space, user=member, role=Role.OWNER)
    Membership.objects.get(space=space, user=member).delete()
    assert SpacePermission.EDIT in _held(member, other_space)


def test_sync_all_repairs_memberships_written_without_signals(space):
    user = UserFactory()
    Membership.objects.bulk_create([Membership(space=space, user=user, role=Role.MODERATOR)])
    stray = UserFactory()
    SpaceUserObjectPermission.objects.create(
        user=stray,
        content_object=space,
        permission=Permission.objects.get(
            codename=SpacePermission.VIEW, content_type__app_label="spaces"
        ),
    )
    assert grants.sync_all() == 1
    assert _held(user, space) == {str(p) for p in ROLE_PERMISSIONS[Role.MODERATOR]}
    assert _held(stray, space) == set()


def test_sync_command_reports_the_memberships_synced(space, member, moderator):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("sync_space_permissions", stdout=out)
    assert "2 adhésion(s) synchronisée(s)." in out.getvalue()
