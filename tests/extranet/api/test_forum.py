"""Topics and posts through the API: order, replies, edits with history, soft deletion,
moderation (hide, restore, pin, lock), all answered by the forum's services and rules."""

from extranet.forum.models import Post, PostRevision
from tests.factories.extranet import make_reply, make_topic

from .conftest import api_url


def test_topics_are_listed_pinned_first_then_by_activity(member, moderator, as_user, space):
    old = make_topic(space, title="Ancien sujet")
    recent = make_topic(space, title="Sujet récent")
    as_user(moderator).post(api_url("topic-pin", space, pk=old.pk))
    results = as_user(member).get(api_url("topic-list", space)).json()["results"]
    assert [item["id"] for item in results] == [old.pk, recent.pk]
    assert results[0]["is_pinned"] is True


def test_starting_a_topic_returns_it_with_its_first_post(member, as_user, space):
    client = as_user(member)
    response = client.post(
        api_url("topic-list", space),
        {"title": "  Place des parents  ", "body": "<p>Bonjour <strong>à tous</strong></p>"},
        format="json",
    )
    assert response.status_code == 201
    topic = response.json()
    assert topic["title"] == "Place des parents"
    assert topic["author"]["name"] == "Camille Membre"
    assert topic["post_count"] == 1
    posts = client.get(topic["posts_url"]).json()["results"]
    assert [post["body"] for post in posts] == ["<p>Bonjour <strong>à tous</strong></p>"]


def test_reply_is_sanitised_and_counted(member, as_user, space, furnished):
    response = as_user(member).post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": '<p onclick="x()">Merci <script>alert(1)</script></p>'},
        format="json",
    )
    assert response.status_code == 201
    assert "script" not in response.json()["body"]
    assert "onclick" not in response.json()["body"]
    furnished.topic.refresh_from_db()
    # The first post and this reply (the hidden reply is not counted).
    assert furnished.topic.post_count == 2


def test_locked_topic_refuses_replies_with_the_reason(member, moderator, as_user, space, furnished):
    assert (
        as_user(moderator)
        .post(api_url("topic-lock", space, pk=furnished.topic.pk))
        .json()["is_locked"]
    )
    response = as_user(member).post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Encore un mot"},
        format="json",
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Ce sujet est verrouillé : il n'accepte plus de réponse."}
    assert (
        as_user(member)
        .get(api_url("topic-detail", space, pk=furnished.topic.pk))
        .json()["can_reply"]
        is False
    )
    as_user(moderator).post(api_url("topic-unlock", space, pk=furnished.topic.pk))
    response = as_user(member).post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Encore un mot"},
        format="json",
    )
    assert response.status_code == 201


def test_editing_keeps_the_previous_text_in_the_history(member, as_user, space, furnished):
    client = as_user(member)
    post = make_reply(furnished.topic, author=member, body="Premier jet")
    response = client.put(api_url("post-detail", space, pk=post.pk), {"body": "Version finale"})
    assert response.status_code == 200
    assert (
        response.json()["body"] == "<p>Version finale</p>"
        or "Version finale" in (response.json()["body"])
    )
    assert response.json()["edited_at"] is not None
    history = client.get(api_url("post-history", space, pk=post.pk)).json()
    assert [(item["kind"], item["body"]) for item in history] == [("edit", "<p>Premier jet</p>")]


def test_history_is_for_the_author_and_moderators(member, moderator, as_user, space, furnished):
    url = api_url("post-history", space, pk=furnished.others_post.pk)
    response = as_user(member).get(url)
    assert response.status_code == 403
    assert "réservé" in response.json()["detail"]
    assert as_user(moderator).get(url).status_code == 200


def test_deleting_ones_post_is_soft(member, moderator, as_user, space, furnished):
    post = make_reply(furnished.topic, author=member, body="Je retire ceci")
    assert as_user(member).delete(api_url("post-detail", space, pk=post.pk)).status_code == 204
    post.refresh_from_db()
    assert post.is_deleted and post.body == ""
    assert PostRevision.objects.get(post=post).body == "<p>Je retire ceci</p>"
    # Gone for members (404), still reviewable by moderators.
    assert as_user(member).get(api_url("post-detail", space, pk=post.pk)).status_code == 404
    listed = as_user(member).get(api_url("topic-post-list", space, topic_pk=furnished.topic.pk))
    assert post.pk not in [item["id"] for item in listed.json()["results"]]
    seen = as_user(moderator).get(api_url("post-detail", space, pk=post.pk)).json()
    assert seen["is_deleted"] is True


def test_hidden_posts_reach_moderators_only(member, moderator, as_user, space, furnished):
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    member_ids = [item["id"] for item in as_user(member).get(url).json()["results"]]
    moderator_view = as_user(moderator).get(url).json()["results"]
    assert furnished.hidden_post.pk not in member_ids
    hidden = next(item for item in moderator_view if item["id"] == furnished.hidden_post.pk)
    assert (hidden["is_hidden"], hidden["hidden_reason"]) == (True, "Hors sujet")


def test_moderator_hides_and_restores_with_a_reason(member, moderator, as_user, space, furnished):
    post = furnished.others_post
    response = as_user(moderator).post(
        api_url("post-hide", space, pk=post.pk), {"reason": "Propos blessants"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["hidden_reason"] == "Propos blessants"
    assert response.json()["hidden_by"]["name"] == "Sacha Anime"
    assert as_user(member).get(api_url("post-detail", space, pk=post.pk)).status_code == 404
    response = as_user(moderator).post(api_url("post-restore", space, pk=post.pk))
    assert response.json()["is_hidden"] is False
    assert as_user(member).get(api_url("post-detail", space, pk=post.pk)).status_code == 200


def test_post_flags_say_what_the_member_may_do(member, as_user, space, furnished):
    own = make_reply(furnished.topic, author=member, body="À moi")
    results = (
        as_user(member)
        .get(api_url("topic-post-list", space, topic_pk=furnished.topic.pk))
        .json()["results"]
    )
    flags = {
        item["id"]: (item["can_edit"], item["can_delete"], item["can_hide"]) for item in results
    }
    assert flags[own.pk] == (True, True, False)
    assert flags[furnished.others_post.pk] == (False, False, False)


def test_post_of_another_space_is_not_found_through_this_one(
    member, as_user, space, furnished_other
):
    response = as_user(member).get(api_url("post-detail", space, pk=furnished_other.others_post.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Message introuvable."}


def test_author_renames_their_topic_and_others_may_not(member, as_user, space, furnished):
    topic = make_topic(space, author=member, title="Titre provisoire")
    url = api_url("topic-detail", space, pk=topic.pk)
    response = as_user(member).patch(url, {"title": "Titre définitif"}, format="json")
    assert (response.status_code, response.json()["title"]) == (200, "Titre définitif")
    other = api_url("topic-detail", space, pk=furnished.topic.pk)
    response = as_user(member).patch(other, {"title": "Détourné"}, format="json")
    assert response.status_code == 403
    assert Post.objects.filter(topic=furnished.topic).exists()


def test_api_writes_markdown_when_asked_and_returns_format_and_source(client, member, furnished):
    space = furnished.space
    client.force_login(member)
    response = client.post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Un **point**", "format": "markdown"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["format"], data["source"], data["body"]) == (
        "markdown",
        "Un **point**",
        "<p>Un <strong>point</strong></p>",
    )


def test_api_writes_html_unless_told_and_edits_keep_the_posts_format(client, member, furnished):
    client.force_login(member)
    url = api_url("topic-post-list", furnished.space, topic_pk=furnished.topic.pk)
    created = client.post(url, {"body": "**a**"}, content_type="application/json").json()
    assert (created["format"], created["body"]) == ("html", "<p>**a**</p>")

    edited = client.put(
        api_url("post-detail", furnished.space, pk=created["id"]),
        {"body": "**b**"},
        content_type="application/json",
    ).json()
    assert (edited["format"], edited["body"]) == ("html", "<p>**b**</p>")


def test_api_refuses_an_unknown_format_with_a_field_error(client, member, furnished):
    client.force_login(member)
    response = client.post(
        api_url("topic-post-list", furnished.space, topic_pk=furnished.topic.pk),
        {"body": "x", "format": "rtf"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "format" in response.json()
