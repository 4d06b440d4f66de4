"""What each role sees of topics and posts (filter_* querysets and can_* answers)."""

import pytest

from extranet.forum import permissions
from extranet.forum.models import Post
from extranet.forum.services import delete_post, hide_post, set_locked
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(space, other_space, member, moderator):
    """In `space`: a topic with a visible, a hidden and a deleted reply, and a topic whose only
    post is hidden. In `other_space`: one topic."""
    topic = make_topic(space, member, title="Visible")
    visible = topic.posts.get()
    hidden = make_reply(topic, member, "masqué")
    hide_post(hidden, moderator, "Motif")
    deleted = make_reply(topic, member, "supprimé")
    delete_post(deleted, member)
    emptied = make_topic(space, member, title="Vidé")
    hide_post(emptied.posts.get(), moderator, "Motif")
    emptied.refresh_from_db()
    elsewhere = make_topic(other_space, title="Ailleurs")
    return {
        "topic": topic,
        "visible": visible,
        "hidden": hidden,
        "deleted": deleted,
        "emptied": emptied,
        "elsewhere": elsewhere,
    }


def titles(user):
    return set(permissions.filter_topics_queryset(user).values_list("title", flat=True))


def post_ids(user, forum):
    names = {post.pk: name for name, post in forum.items() if isinstance(post, Post)}
    return {
        names.get(pk, "other")
        for pk in permissions.filter_posts_queryset(user).values_list("pk", flat=True)
    }


@pytest.mark.parametrize("role", ["anonymous", "outsider", "removed_member", "inactive_member"])
def test_non_members_see_no_topic_and_no_post(request, forum, role):
    user = request.getfixturevalue(role)
    assert titles(user) == set()
    assert not permissions.filter_posts_queryset(user).exists()
    assert not permissions.can_view_topic(user, forum["topic"])


def test_member_sees_visible_posts_only_and_not_emptied_topics(forum, member):
    assert titles(member) == {"Visible"}
    assert post_ids(member, forum) == {"visible"}
    assert not permissions.can_view_post(member, forum["hidden"])
    assert not permissions.can_view_topic(member, forum["emptied"])


def test_moderator_sees_hidden_and_deleted_posts_of_their_space(forum, moderator):
    assert titles(moderator) == {"Visible", "Vidé"}
    assert post_ids(moderator, forum) >= {"visible", "hidden", "deleted"}
    assert "elsewhere" not in post_ids(moderator, forum)
    assert permissions.can_view_post(moderator, forum["hidden"])


def test_staff_sees_everything(forum, staff):
    assert titles(staff) == {"Visible", "Vidé", "Ailleurs"}
    assert permissions.can_view_post(staff, forum["deleted"])


def test_moderator_elsewhere_does_not_see_hidden_posts_here(forum, space, other_space):
    # Moderating one space gives nothing in another where one is a plain member.
    user = make_member(other_space, role="moderator")
    make_member(space, user=user)
    assert post_ids(user, forum) == {"visible", "other"}


def test_filter_querysets_cost_constant_queries(
    forum, space, member, django_assert_max_num_queries
):
    for _ in range(5):
        make_topic(space, member)
    with django_assert_max_num_queries(3):
        list(permissions.filter_topics_queryset(member))
    with django_assert_max_num_queries(3):
        list(permissions.filter_posts_queryset(member))


def test_can_reply_is_false_for_locked_topic_and_archived_space(forum, space, member, moderator):
    topic = forum["topic"]
    assert permissions.can_reply(member, topic)
    set_locked(topic, moderator)
    assert not permissions.can_reply(member, topic)
    assert not permissions.can_reply(moderator, topic)
    set_locked(topic, moderator, False)
    space.is_archived = True
    space.save()
    topic.refresh_from_db()
    assert not permissions.can_reply(member, topic)
    assert permissions.can_view_topic(member, topic)


def test_edit_rights(forum, space, member, moderator):
    visible = forum["visible"]
    assert permissions.can_edit_post(member, visible)
    assert permissions.can_edit_post(moderator, visible)
    assert not permissions.can_edit_post(make_member(space), visible)
    assert not permissions.can_delete_post(moderator, visible)
    assert permissions.can_delete_post(member, visible)


def test_history_is_for_author_and_moderators(forum, space, member, moderator):
    visible = forum["visible"]
    assert permissions.can_view_post_history(member, visible)
    assert permissions.can_view_post_history(moderator, visible)
    assert not permissions.can_view_post_history(make_member(space), visible)


def test_pin_and_hide_rights_are_the_moderation_right(forum, member, moderator, owner, staff):
    topic, post = forum["topic"], forum["visible"]
    for user, expected in ((member, False), (moderator, True), (owner, True), (staff, True)):
        assert permissions.can_pin_topic(user, topic) is expected
        assert permissions.can_lock_topic(user, topic) is expected
        assert permissions.can_hide_post(user, post) is expected
