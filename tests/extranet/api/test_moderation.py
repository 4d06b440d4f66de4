"""The moderation API: flag a post (members), the queue and its decisions (moderators), JSON
French errors, a 404 for what the requester may not see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.forum.models import Flag, FlagStatus, ModerationAction
from extranet.forum.moderation import flag_post
from tests.factories.extranet import make_reply

from .conftest import api_url

pytestmark = pytest.mark.django_db


def _flag(client, space, post, **data):
    return client.post(api_url("post-flag", space, pk=post.pk), data or {"reason": "spam"})


def test_member_flags_a_post_once(member, as_user, space, furnished):
    client = as_user(member)
    response = _flag(client, space, furnished.others_post)
    assert response.status_code == 201
    assert response.json()["reason"] == "spam" and response.json()["status"] == "open"
    again = _flag(client, space, furnished.others_post, reason="off_topic")
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Vous avez déjà signalé ce message."]}
    assert Flag.objects.count() == 1


def test_bad_reason_is_a_french_400(member, as_user, space, furnished):
    response = _flag(as_user(member), space, furnished.others_post, reason="other")
    assert response.status_code == 400
    assert response.json() == {"details": ["Précisez le motif du signalement."]}


def test_flagging_ones_own_post_is_a_403(as_user, space, furnished):
    response = _flag(as_user(furnished.others_post.author), space, furnished.others_post)
    assert response.status_code == 403
    assert response.json()["detail"] == "Vous ne pouvez pas signaler votre propre message."


def test_flagging_a_hidden_post_is_a_404(member, as_user, space, furnished):
    assert _flag(as_user(member), space, furnished.hidden_post).status_code == 404


def test_flagging_a_post_of_another_space_is_a_404(member, as_user, other_space, furnished_other):
    response = _flag(as_user(member), other_space, furnished_other.others_post)
    assert response.status_code == 404
    # Nor through one's own space's address.
    assert (
        _flag(as_user(member), furnished_other.space, furnished_other.others_post).status_code
        == 404
    )


def test_queue_counts_open_flags_per_post_and_reason(member, moderator, as_user, space, furnished):
    post = furnished.others_post
    flag_post(post, member, "spam")
    flag_post(post, furnished.target.user, "spam")
    response = as_user(moderator).get(api_url("moderation-queue", space))
    assert response.status_code == 200
    [entry] = response.json()["results"]
    assert entry["post"]["id"] == post.pk
    assert entry["count"] == 2 and entry["reasons"] == {"spam": 2}


def test_the_queue_is_paginated_like_the_other_lists_most_flagged_first(
    member, moderator, as_user, space, furnished
):
    once = make_reply(furnished.topic, author=furnished.author, body="Un message signalé")
    twice = furnished.others_post
    flag_post(once, member, "spam")
    flag_post(twice, member, "spam")
    flag_post(twice, furnished.target.user, "spam")
    client = as_user(moderator)
    first = client.get(api_url("moderation-queue", space), {"page_size": 1}).json()
    assert first["count"] == 2 and first["next"] and first["previous"] is None
    assert [entry["post"]["id"] for entry in first["results"]] == [twice.pk]
    second = client.get(first["next"]).json()
    assert [entry["post"]["id"] for entry in second["results"]] == [once.pk]
    assert second["results"][0]["count"] == 1


def test_a_queue_page_past_the_end_is_a_json_404(moderator, as_user, space):
    response = as_user(moderator).get(api_url("moderation-queue", space), {"page": 9})
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("name", ["moderation-hide", "moderation-restore", "moderation-dismiss"])
def test_non_moderators_get_a_404_on_queue_and_actions(member, as_user, space, furnished, name):
    flag_post(furnished.others_post, furnished.target.user, "spam")
    client = as_user(member)
    assert client.get(api_url("moderation-queue", space)).status_code == 404
    url = api_url(name, space, pk=furnished.others_post.pk)
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert Flag.objects.get().status == FlagStatus.OPEN


def test_hide_closes_flags_and_is_in_the_history(member, moderator, as_user, space, furnished):
    post = furnished.others_post
    flag_post(post, member, "spam")
    client = as_user(moderator)
    response = client.post(api_url("moderation-hide", space, pk=post.pk), {"reason": "Pub"})
    assert response.status_code == 200
    assert response.json()["kind"] == "hide" and response.json()["flags_closed"] == 1
    post.refresh_from_db()
    assert post.is_hidden
    assert client.get(api_url("moderation-queue", space)).json()["results"] == []


def test_hide_without_reason_is_a_french_400(member, moderator, as_user, space, furnished):
    flag_post(furnished.others_post, member, "spam")
    response = as_user(moderator).post(
        api_url("moderation-hide", space, pk=furnished.others_post.pk), {}
    )
    assert response.status_code == 400
    assert response.json() == {"reason": ["Indiquez le motif du masquage."]}


def test_dismiss_closes_flags_without_hiding(member, moderator, as_user, space, furnished):
    post = furnished.others_post
    flag_post(post, member, "spam")
    response = as_user(moderator).post(api_url("moderation-dismiss", space, pk=post.pk))
    assert response.status_code == 200 and response.json()["kind"] == "dismiss"
    post.refresh_from_db()
    assert not post.is_hidden
    assert Flag.objects.get().status == FlagStatus.HANDLED


def test_restore_shows_a_hidden_post_again(moderator, as_user, space, furnished):
    post = furnished.hidden_post
    response = as_user(moderator).post(api_url("moderation-restore", space, pk=post.pk))
    assert response.status_code == 200 and response.json()["kind"] == "restore"
    post.refresh_from_db()
    assert not post.is_hidden
    assert ModerationAction.objects.filter(post=post).count() == 2  # hidden, then restored


def test_the_queue_costs_the_same_queries_for_one_or_many_flagged_posts(
    member, moderator, as_user, space, furnished, django_assert_max_num_queries
):
    client = as_user(moderator)
    flag_post(furnished.others_post, member, "spam")
    with CaptureQueriesContext(connection) as one:
        client.get(api_url("moderation-queue", space))
    for n in range(4):
        post = make_reply(furnished.topic, author=furnished.author, body=f"Message {n}")
        flag_post(post, member, "spam")
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(api_url("moderation-queue", space))
    assert response.json()["count"] == 5
