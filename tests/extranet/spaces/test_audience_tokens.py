"""Search audience tokens per role: what the search may show each person."""

from extranet.spaces.permissions import audience_tokens


def test_anonymous_reads_public_only(anonymous, space):
    assert audience_tokens(anonymous) == {"public"}


def test_outsider_reads_public_only(outsider, space, other_space):
    assert audience_tokens(outsider) == {"public"}


def test_member_reads_public_and_their_space(member, space, other_space):
    assert audience_tokens(member) == {"public", f"space:{space.pk}"}


def test_moderator_and_owner_read_their_space(moderator, owner, space, other_space):
    assert audience_tokens(moderator) == {"public", f"space:{space.pk}"}
    assert audience_tokens(owner) == {"public", f"space:{space.pk}"}


def test_removed_member_loses_the_space_token(removed_member, space):
    assert audience_tokens(removed_member) == {"public"}


def test_inactive_member_reads_public_only(inactive_member, space):
    assert audience_tokens(inactive_member) == {"public"}


def test_a_superuser_reads_every_space(staff, space, other_space):
    assert audience_tokens(staff) == {"public", f"space:{space.pk}", f"space:{other_space.pk}"}


def test_the_staff_flag_alone_adds_no_token(space):
    """The team's view-restricted pages are search's question to ``cms.permissions``
    (tests/search/test_staff_visibility.py), not a token every ``is_staff`` account gets."""
    from tests.factories.users import UserFactory

    assert audience_tokens(UserFactory(is_staff=True)) == {"public"}


def test_a_view_right_held_through_a_group_gives_the_space_token(outsider, space, other_space):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    from extranet.spaces.roles import SpacePermission

    group = Group.objects.create(name="Chargé·e·s de mission R&T")
    outsider.groups.add(group)
    assign_perm(SpacePermission.VIEW.full_codename, group, space)
    assert audience_tokens(outsider) == {"public", f"space:{space.pk}"}


def test_a_right_other_than_view_gives_no_token(outsider, space):
    from guardian.shortcuts import assign_perm

    from extranet.spaces.roles import SpacePermission

    assign_perm(SpacePermission.POST.full_codename, outsider, space)
    assert audience_tokens(outsider) == {"public"}


def test_tokens_are_the_spaces_the_permission_module_lets_one_see(
    member, moderator, outsider, space, other_space
):
    from extranet.spaces.permissions import filter_spaces_queryset

    for user in (member, moderator, outsider):
        visible = filter_spaces_queryset(user).values_list("pk", flat=True)
        assert audience_tokens(user) == {"public", *(f"space:{pk}" for pk in visible)}


def test_leaving_a_space_drops_its_token_within_the_same_request(member, space):
    """The tokens come from the request's rights cache, which a revocation clears."""
    from extranet.spaces.models import Membership
    from extranet.spaces.permissions import request_rights_cache

    with request_rights_cache():
        assert f"space:{space.pk}" in audience_tokens(member)
        Membership.objects.get(user=member, space=space).delete()
        assert audience_tokens(member) == {"public"}
