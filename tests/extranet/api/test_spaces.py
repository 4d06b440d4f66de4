"""Spaces: "my spaces" with role, members and unread topics; one space with my rights;
editing the space (owners)."""

from extranet.forum.services import mark_topic_read
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

from .conftest import api_url


def test_my_spaces_lists_only_mine_with_role_members_and_unread(
    member, as_user, space, other_space, furnished
):
    response = as_user(member).get(api_url("space-list"))
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    (item,) = data["results"]
    assert item["slug"] == space.slug
    assert item["my_role"] == "member"
    # member + author + target of `furnished`
    assert item["members_count"] == 3
    # The topic got its replies after the member joined.
    assert item["unread_count"] == 1
    assert item["url"].endswith(api_url("space-detail", space))


def test_reading_a_topic_clears_its_unread_mark(member, as_user, space, furnished):
    client = as_user(member)
    topic_url = api_url("topic-detail", space, pk=furnished.topic.pk)
    assert client.get(topic_url).json()["is_unread"] is True
    # Reading the thread changes nothing by itself: the client says when it was read.
    client.get(api_url("topic-post-list", space, topic_pk=furnished.topic.pk))
    assert client.get(topic_url).json()["is_unread"] is True
    assert client.post(api_url("topic-read", space, pk=furnished.topic.pk)).status_code == 204
    assert client.get(topic_url).json()["is_unread"] is False
    assert client.get(api_url("space-list")).json()["results"][0]["unread_count"] == 0
    make_reply(furnished.topic, body="Du nouveau")
    assert client.get(topic_url).json()["is_unread"] is True


def test_staff_lists_every_space_with_scope_visible(staff, as_user, space, other_space):
    client = as_user(staff)
    assert client.get(api_url("space-list")).json()["results"] == []
    results = client.get(api_url("space-list"), {"scope": "visible"}).json()["results"]
    assert sorted(item["slug"] for item in results) == sorted([space.slug, other_space.slug])
    assert {item["my_role"] for item in results} == {None}


def test_members_scope_visible_is_their_own_spaces(member, as_user, space, other_space):
    results = as_user(member).get(api_url("space-list"), {"scope": "visible"}).json()["results"]
    assert [item["slug"] for item in results] == [space.slug]


def test_space_detail_says_what_i_may_do(moderator, as_user, space):
    data = as_user(moderator).get(api_url("space-detail", space)).json()
    assert data["my_role"] == "moderator"
    assert data["rights"]["moderate"] is True
    assert data["rights"]["edit"] is False


def test_owner_edits_the_space(owner, as_user, space):
    response = as_user(owner).patch(
        api_url("space-detail", space), {"description": "Échanges entre CLSPD"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["description"] == "Échanges entre CLSPD"
    assert response.json()["name"] == space.name


def test_spaces_are_listed_by_name_and_paginated(member, as_user, space):
    for number in range(3):
        make_member(SpaceFactory(name=f"Espace {3 - number}"), user=member)
    response = as_user(member).get(api_url("space-list"), {"page_size": 2})
    data = response.json()
    assert data["count"] == 4
    assert [item["name"] for item in data["results"]] == ["Espace 1", "Espace 2"]
    assert data["next"].endswith("page=2&page_size=2")


def test_unread_count_ignores_topics_read(member, as_user, space):
    first = make_topic(space, title="Lu")
    make_topic(space, title="Pas lu")
    mark_topic_read(member, first)
    results = as_user(member).get(api_url("space-list")).json()["results"]
    assert results[0]["unread_count"] == 1
