"""A topic is found by the members of its space while they may open it: its page and search
ask the same rule (``extranet.forum.permissions.is_topic_shown_to_members``). Once every post
is hidden or deleted, the page answers 404 to members, and search finds nothing either; on
every engine (``search_engine``)."""

import pytest

from extranet.forum.services import delete_post, hide_post, rename_topic, restore_post
from extranet.spaces.roles import Role
from search import sync
from search.service import search, suggest
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]

TITLE = "Dérives sectaires : un signalement"


def _found(user, q="dérives sectaires"):
    response = search(user, q)
    return {result.title for result in response.results}, response.total


def _suggested(user):
    return {suggestion["title"] for suggestion in suggest(user, "dérives")}


@pytest.fixture
def moderator(space):
    return make_member(space, role=Role.MODERATOR)


@pytest.fixture
def topic(space, member):
    topic = make_topic(space, author=member, title=TITLE, body="Un premier récit.")
    sync.process_pending()
    return topic


def _opens(client, user, topic):
    client.force_login(user)
    return client.get(topic.get_absolute_url()).status_code


def test_a_topic_whose_every_post_is_hidden_is_not_found_by_members(
    topic, member, moderator, client
):
    assert _found(member) == ({TITLE}, 1)
    hide_post(topic.posts.get(), moderator, "hors sujet")
    sync.process_pending()
    assert _opens(client, member, topic) == 404  # what the page says…
    assert _found(member) == (set(), 0)  # …search says too
    assert _suggested(member) == set()


def test_a_topic_whose_every_post_is_deleted_is_not_found_by_members(topic, member, client):
    delete_post(topic.posts.get(), member)
    sync.process_pending()
    assert _opens(client, member, topic) == 404
    assert _found(member) == (set(), 0)


def test_a_topic_with_one_visible_reply_left_is_still_found(topic, member, moderator):
    make_reply(topic, author=member, body="Une réponse qui reste.")
    hide_post(topic.posts.order_by("created_at", "pk").first(), moderator, "hors sujet")
    sync.process_pending()
    titles, _total = _found(member)
    assert titles == {TITLE}


def test_restoring_the_hidden_post_makes_the_topic_found_again(topic, member, moderator):
    post = topic.posts.get()
    hide_post(post, moderator, "hors sujet")
    sync.process_pending()
    restore_post(post, moderator)
    sync.process_pending()
    assert _found(member) == ({TITLE}, 1)


def test_a_renamed_topic_is_found_by_its_new_title_with_its_replies(topic, member, moderator):
    make_reply(topic, author=member, body="Une réponse au signalement.")
    sync.process_pending()
    rename_topic(topic, moderator, "Complotisme : un signalement")
    sync.process_pending()
    assert _found(member) == (set(), 0)
    titles, total = _found(member, "complotisme")
    assert (titles, total) == ({"Complotisme : un signalement"}, 1)  # one result, reply included
