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


def test_staff_reads_everything(staff, space, other_space):
    assert audience_tokens(staff) == {
        "public",
        "staff",
        f"space:{space.pk}",
        f"space:{other_space.pk}",
    }
