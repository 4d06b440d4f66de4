"""Listings cost a constant number of queries, whatever the number of spaces."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.spaces import permissions
from extranet.spaces.roles import Role
from tests.factories.extranet import MembershipFactory, SpaceFactory, make_member
from tests.factories.users import UserFactory


def _member_of(count):
    user = UserFactory()
    for _ in range(count):
        space = SpaceFactory()
        MembershipFactory(space=space, user=user, role=Role.MEMBER)
        make_member(space)  # another member, so counts are not trivially 1
    return user


def _queries(callable_):
    with CaptureQueriesContext(connection) as queries:
        result = callable_()
    return len(queries), result


@pytest.mark.django_db
def test_my_spaces_costs_one_query_for_2_or_20_spaces():
    few, many = _member_of(2), _member_of(20)

    def listing(user):
        return lambda: [(s.name, s.members_count, s.my_role) for s in permissions.my_spaces(user)]

    few_count, few_rows = _queries(listing(few))
    many_count, many_rows = _queries(listing(many))
    assert few_count == many_count == 1
    assert len(few_rows) == 2 and len(many_rows) == 20
    assert {row[1:] for row in many_rows} == {(2, Role.MEMBER)}


@pytest.mark.django_db
def test_filter_spaces_queryset_costs_one_query_for_2_or_20_spaces():
    few, many = _member_of(2), _member_of(20)
    few_count, few_rows = _queries(lambda: list(permissions.filter_spaces_queryset(few)))
    many_count, many_rows = _queries(lambda: list(permissions.filter_spaces_queryset(many)))
    assert few_count == many_count == 1
    assert (len(few_rows), len(many_rows)) == (2, 20)


@pytest.mark.django_db
def test_rights_over_20_spaces_in_one_request_cost_one_query():
    user = _member_of(20)
    spaces = list(permissions.my_spaces(user))
    with permissions.request_rights_cache(), CaptureQueriesContext(connection) as queries:
        assert all(permissions.can_post(user, space) for space in spaces)
    assert len(queries) == 1


def test_members_count_is_exact_when_filtered_through_memberships(space, member, moderator):
    [listed] = permissions.my_spaces(member)
    assert listed.members_count == 2
    assert listed.my_role == Role.MEMBER


def test_my_spaces_of_staff_lists_only_their_memberships(space, other_space, staff):
    MembershipFactory(space=other_space, user=staff, role=Role.MEMBER)
    assert list(permissions.my_spaces(staff)) == [other_space]


def test_my_spaces_is_empty_for_anonymous(space, anonymous):
    assert list(permissions.my_spaces(anonymous)) == []
