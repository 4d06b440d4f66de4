"""Membership services enforce the permission module themselves."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from extranet.spaces import services
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from tests.factories.extranet import make_member


def _membership(space, user):
    return Membership.objects.get(space=space, user=user)


def test_moderator_removes_a_member(space, moderator, member):
    services.remove_member(by=moderator, membership=_membership(space, member))
    assert not Membership.objects.filter(space=space, user=member).exists()


def test_moderator_cannot_remove_another_moderator(space, moderator):
    other = make_member(space, Role.MODERATOR)
    with pytest.raises(PermissionDenied):
        services.remove_member(by=moderator, membership=_membership(space, other))


def test_owner_removes_a_moderator(space, owner, moderator):
    services.remove_member(by=owner, membership=_membership(space, moderator))
    assert not Membership.objects.filter(space=space, user=moderator).exists()


def test_nobody_removes_themselves_through_moderation(space, owner):
    with pytest.raises(PermissionDenied):
        services.remove_member(by=owner, membership=_membership(space, owner))


def test_member_of_another_space_gets_404_when_removing(space, other_space, member):
    target = make_member(other_space)
    with pytest.raises(Http404):
        services.remove_member(by=member, membership=_membership(other_space, target))


def test_owner_changes_a_role(space, owner, member):
    services.change_role(by=owner, membership=_membership(space, member), role=Role.MODERATOR)
    assert _membership(space, member).role == Role.MODERATOR


def test_moderator_cannot_change_roles(space, moderator, member):
    with pytest.raises(PermissionDenied):
        services.change_role(by=moderator, membership=_membership(space, member), role=Role.OWNER)


def test_owner_cannot_change_their_own_role(space, owner):
    with pytest.raises(PermissionDenied):
        services.change_role(by=owner, membership=_membership(space, owner), role=Role.MEMBER)


def test_add_member_is_idempotent_and_keeps_the_higher_role(space, moderator):
    membership, created = services.add_member(space=space, user=moderator, role=Role.MEMBER)
    assert not created and membership.role == Role.MODERATOR
    membership, created = services.add_member(space=space, user=moderator, role=Role.OWNER)
    assert not created and membership.role == Role.OWNER
