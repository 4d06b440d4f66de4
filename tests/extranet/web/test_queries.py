"""Query counts of the lists that grow: constant in the number of spaces, topics, posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.spaces.roles import Role
from tests.factories.extranet import (
    MeetingFactory,
    SpaceFactory,
    make_document,
    make_member,
    make_reply,
    make_topic,
)
from tests.factories.users import UserFactory

from .conftest import space_url


def _queries(client, url):
    # The layout around every page (the site's navigation and footer, cached per process;
    # the unread notifications count, cached per member and dropped by any write) is filled
    # by another page first: what is compared is the page itself, at each size alike.
    assert client.get(reverse("extranet:notification_list")).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _space_with_activity(user, index, role=Role.MEMBER):
    space = SpaceFactory(slug=f"reseau-{index}", name=f"Réseau n°{index}")
    make_member(space, role, user=user)
    topic = make_topic(space, title=f"Sujet {index}")
    make_reply(topic)
    return space


def _my_spaces_queries(client, count):
    user = UserFactory()
    for index in range(count):
        _space_with_activity(user, f"{count}-{index}", Role.MODERATOR if index % 2 else Role.MEMBER)
    client.force_login(user)
    return _queries(client, reverse("extranet:my_spaces"))


@pytest.mark.django_db
def test_my_spaces_query_count_does_not_grow_with_the_number_of_spaces(client):
    assert _my_spaces_queries(client, 2) == _my_spaces_queries(client, 20)


def _space_home_queries(client, space, member, topics):
    for index in range(topics):
        topic = make_topic(space, title=f"Sujet {index}")  # a new author each time
        make_reply(topic)  # and a new last poster
    # Half of them read by the member, to mix read and unread topics.
    for topic in space.topics.all()[: topics // 2]:
        client.force_login(member)
        client.get(space_url("topic_detail", space, pk=topic.pk))
    space.topics.filter(pk__in=space.topics.values("pk")[:2]).update(is_pinned=True)
    client.force_login(member)
    return _queries(client, space_url("space_home", space))


def test_space_home_query_count_does_not_grow_with_the_number_of_topics(client, db):
    small, large = SpaceFactory(slug="petit"), SpaceFactory(slug="grand")
    for space in (small, large):
        MeetingFactory(space=space)
        make_document(space)
        make_document(space, name="Annuaire.csv")
    member = UserFactory()
    make_member(small, user=member)
    make_member(large, user=member)
    assert _space_home_queries(client, small, member, 5) == _space_home_queries(
        client, large, member, 30
    )


def test_topic_page_query_count_does_not_grow_with_the_number_of_posts(client, space, moderator):
    short = make_topic(space, title="Court")
    long = make_topic(space, title="Long")
    for _ in range(3):
        make_reply(short)
    for _ in range(25):
        make_reply(long)
    client.force_login(moderator)
    assert _queries(client, space_url("topic_detail", space, pk=short.pk)) == _queries(
        client, space_url("topic_detail", space, pk=long.pk)
    )


def test_members_page_query_count_does_not_grow_with_the_number_of_members(client, space, owner):
    client.force_login(owner)
    for _ in range(3):
        make_member(space)
    few = _queries(client, space_url("member_list", space))
    for _ in range(30):
        make_member(space)
    assert _queries(client, space_url("member_list", space)) == few
