"""Levels per space and per topic: the table of ``recipients``, one test per rule."""

import pytest

from extranet.forum.services import create_topic, hide_post, reply
from extranet.notifications.models import NotificationLevel, TopicSubscription
from extranet.notifications.recipients import MENTION, NEW_TOPIC, REPLY, post_recipients
from extranet.notifications.subscriptions import (
    get_topic_level,
    set_topic_level,
    update_subscription,
)
from tests.factories.extranet import make_member, make_topic

pytestmark = pytest.mark.django_db
WATCHING, NORMAL, MUTED = (
    NotificationLevel.WATCHING,
    NotificationLevel.NORMAL,
    NotificationLevel.MUTED,
)


def reasons(post, new_topic=False):
    return {user.email: kind for user, kind in post_recipients(post, new_topic=new_topic)}


def test_by_default_a_new_topic_reaches_every_member(space, member, moderator, owner):
    topic = create_topic(space, member, "Sujet", "Texte")
    assert reasons(topic.posts.get(), new_topic=True) == {
        moderator.email: NEW_TOPIC,
        owner.email: NEW_TOPIC,
    }


def test_by_default_replies_reach_only_those_who_took_part(space, member, moderator, owner):
    topic = make_topic(space, member)
    reply(topic, moderator, "Je participe")
    post = reply(topic, owner, "Moi aussi")
    assert reasons(post) == {member.email: REPLY, moderator.email: REPLY}


def test_a_hidden_contribution_is_not_taking_part(space, member, moderator, owner):
    topic = make_topic(space, member)
    mine = reply(topic, owner, "Propos déplacés")
    hide_post(mine, moderator, "Hors charte")
    post = reply(topic, moderator, "Suite")
    assert owner.email not in reasons(post)


def test_watching_a_space_brings_every_reply(space, member, moderator, owner):
    update_subscription(owner, space, level=WATCHING)
    post = reply(make_topic(space, member), moderator, "Réponse")
    assert reasons(post)[owner.email] == REPLY


def test_muting_a_space_brings_nothing_not_even_new_topics_or_mentions(space, member, owner):
    update_subscription(owner, space, level=MUTED)
    topic = create_topic(space, member, "Sujet", "Bonjour @Dominique.Resp")
    assert owner.email not in reasons(topic.posts.get(), new_topic=True)


def test_watching_a_topic_brings_its_replies_whatever_the_space_level(
    space, member, moderator, owner
):
    update_subscription(owner, space, level=MUTED)
    topic = make_topic(space, member)
    set_topic_level(owner, topic, WATCHING)
    assert reasons(reply(topic, moderator, "Réponse"))[owner.email] == REPLY


def test_a_topic_set_to_normal_stops_following_it_but_keeps_mentions(space, member, moderator):
    topic = make_topic(space, member)
    set_topic_level(member, topic, NORMAL)  # the author stops following their own topic
    assert member.email not in reasons(reply(topic, moderator, "Réponse"))
    assert reasons(reply(topic, moderator, "@Camille.Membre ?"))[member.email] == MENTION


def test_muting_a_topic_brings_nothing_even_in_a_watched_space(space, member, moderator):
    update_subscription(member, space, level=WATCHING)
    topic = make_topic(space, member)
    set_topic_level(member, topic, MUTED)
    assert member.email not in reasons(reply(topic, moderator, "@Camille.Membre ?"))


def test_mentions_reach_members_at_the_normal_level(space, member, moderator, owner):
    post = reply(make_topic(space, member), moderator, "Qu'en dit @Dominique.Resp ?")
    assert reasons(post)[owner.email] == MENTION


def test_going_back_to_the_space_level_removes_the_topic_choice(space, member):
    topic = make_topic(space, member)
    set_topic_level(member, topic, MUTED)
    assert get_topic_level(member, topic) == MUTED
    set_topic_level(member, topic, "")
    assert get_topic_level(member, topic) is None
    assert not TopicSubscription.objects.exists()


def test_choosing_a_topic_level_outside_ones_spaces_is_a_404(space, other_space, outsider):
    from django.http import Http404

    topic = make_topic(other_space)
    with pytest.raises(Http404):
        set_topic_level(outsider, topic, WATCHING)


def test_recipients_cost_the_same_queries_whatever_the_number_of_members(
    space, member, django_assert_max_num_queries
):
    topic = make_topic(space, member)
    post = reply(topic, member, "Réponse")
    for _ in range(15):
        make_member(space)
    with django_assert_max_num_queries(40):
        assert len(post_recipients(post, new_topic=False)) >= 0
