"""Unread topic counts for "my spaces"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from extranet.forum.services import hide_post, mark_topic_read, unread_counts_for
from extranet.spaces.models import Membership
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


def test_new_topics_since_joining_are_unread(space, member):
    other = make_member(space)
    make_topic(space, other)
    make_topic(space, other)
    assert unread_counts_for(member, [space])[space.pk] == 2


def test_topics_older_than_the_membership_are_not_unread(space):
    make_topic(space)
    newcomer = make_member(space)
    Membership.objects.filter(user=newcomer).update(joined_at=timezone.now() + timedelta(seconds=1))
    assert unread_counts_for(newcomer, [space])[space.pk] == 0


def test_reading_a_topic_clears_it_until_the_next_reply(space, member):
    topic = make_topic(space)
    mark_topic_read(member, topic)
    assert unread_counts_for(member, [space])[space.pk] == 0
    make_reply(topic)
    assert unread_counts_for(member, [space])[space.pk] == 1


def test_own_posts_do_not_make_a_topic_unread(space, member):
    topic = make_topic(space, member)
    make_reply(topic, member)
    assert unread_counts_for(member, [space])[space.pk] == 0


def test_hidden_only_topics_are_not_counted(space, member, moderator):
    topic = make_topic(space)
    hide_post(topic.posts.get(), moderator, "Motif")
    assert unread_counts_for(member, [space])[space.pk] == 0


def test_spaces_the_user_cannot_see_count_nothing(space, other_space, member, removed_member):
    make_topic(other_space)
    make_topic(space)
    assert unread_counts_for(member, [space, other_space]) == {space.pk: 1}
    assert unread_counts_for(removed_member, [space]) == {}


def test_accepts_a_queryset_of_spaces(space, member):
    from extranet.spaces.models import Space

    make_topic(space)
    assert unread_counts_for(member, Space.objects.all()) == {space.pk: 1}


def test_unread_counts_take_one_query_whatever_the_number_of_spaces(
    member, django_assert_num_queries
):
    spaces = [SpaceFactory() for _ in range(6)]
    for space in spaces:
        make_member(space, user=member)
        make_topic(space)
        make_topic(space)
    with django_assert_num_queries(1):
        counts = unread_counts_for(member, spaces)
    assert all(counts[space.pk] == 2 for space in spaces)
