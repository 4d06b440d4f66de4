"""`PostActions` (decided once per topic page) answers exactly what the per-post `can_*`
functions answer, for every role, post state, locked topic and archived space."""

import itertools

import pytest
from django.utils import timezone

from extranet.forum import permissions
from extranet.forum.models import Post, Topic
from extranet.spaces.models import Space
from tests.extranet.conftest import ROLES
from tests.factories.extranet import make_topic

pytestmark = pytest.mark.django_db

STATES = ["visible", "hidden", "deleted", "edited"]


def _post(topic, author, state):
    post = Post.objects.create(topic=topic, author=author, body="<p>Texte</p>")
    if state == "hidden":
        post.is_hidden = True
        post.hidden_reason = "Hors charte"
    elif state == "deleted":
        post.deleted_at = timezone.now()
    elif state == "edited":
        post.edited_at = timezone.now()
    post.save()
    return post


def _expected(user, post):
    visible = permissions.can_view_post(user, post)
    return {
        "body_visible": visible,
        "can_edit": permissions.can_edit_post(user, post),
        "can_delete": permissions.can_delete_post(user, post),
        "can_hide": permissions.can_hide_post(user, post),
        "can_view_history": bool(post.edited_at or post.deleted_at)
        and permissions.can_view_post_history(user, post),
        "can_quote": permissions.can_quote_post(user, post),
        "can_flag": permissions.can_flag_post(user, post),
    }


@pytest.mark.parametrize("locked, archived", list(itertools.product([False, True], repeat=2)))
def test_post_actions_agree_with_the_per_post_questions(request, space, locked, archived):
    users = {role: request.getfixturevalue(role) for role in ROLES}
    topic = make_topic(space, author=users["member"], title="Sujet")
    posts = [
        _post(topic, author, state)
        for author in (users["member"], users["moderator"], None)
        for state in STATES
    ]
    Topic.objects.filter(pk=topic.pk).update(is_locked=locked)
    Space.objects.filter(pk=space.pk).update(is_archived=archived)
    space.refresh_from_db()
    topic = Topic.objects.get(pk=topic.pk)
    topic.space = space
    for role, user in users.items():
        actions = permissions.PostActions(user, topic)
        for post in posts:
            post.topic = topic
            expected = _expected(user, post)
            actions.apply(post)
            found = {name: getattr(post, name) for name in expected}
            assert found == expected, (role, post.author_id, post.is_hidden, post.deleted_at)
