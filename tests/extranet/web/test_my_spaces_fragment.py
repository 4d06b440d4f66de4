""" "My spaces" is a per-member fragment cached under the versions of what it shows.

Each invalidation test first checks that a second view is served from the cache (it reads no
topic), then makes one change through its write path and checks the next view shows it: if
that path stopped bumping the version the key reads, the stale list would be served and the
test would fail. Unread counts stay exact.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.forum import services as forum_services
from extranet.forum.models import Post, Topic
from extranet.spaces import services as space_services
from extranet.spaces.models import Membership, Space, SpaceUserObjectPermission
from extranet.spaces.roles import Role
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db

MY_SPACES = reverse("extranet:my_spaces")


def _view(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(MY_SPACES)
    assert response.status_code == 200
    sqls = [query["sql"] for query in captured]
    return response.content.decode(), any('"forum_topic"' in sql for sql in sqls)


def _warm(client):
    """View "my spaces" twice; the second view comes from the cache. Returns its HTML."""
    _view(client)
    page, read_topics = _view(client)
    assert not read_topics, "the second view should be served from the cached fragment"
    return page


@pytest.fixture
def author(space):
    return make_member(space, first_name="Noor", last_name="Autrice")


@pytest.fixture
def viewer(client, member):
    client.force_login(member)
    return client


# --- forum activity --------------------------------------------------------------------------


def test_a_new_topic_counts_as_unread_at_once(viewer, space, author):
    assert "Aucun sujet non lu." in _warm(viewer)
    make_topic(space, author=author)
    assert "1 sujet non lu" in _view(viewer)[0]


def test_a_reply_in_a_read_topic_counts_as_unread_at_once(viewer, space, member, author):
    topic = make_topic(space, author=author)
    viewer.get(space_url("topic_detail", space, pk=topic.pk))
    assert "Aucun sujet non lu." in _warm(viewer)
    make_reply(topic, author=author)
    assert "1 sujet non lu" in _view(viewer)[0]


def test_reading_a_topic_lowers_the_count_at_once(viewer, space, author):
    topic = make_topic(space, author=author)
    assert "1 sujet non lu" in _warm(viewer)
    viewer.get(space_url("topic_detail", space, pk=topic.pk))
    assert "Aucun sujet non lu." in _view(viewer)[0]


def test_hiding_then_restoring_a_topic_s_only_post(viewer, space, author, moderator):
    topic = make_topic(space, author=author)
    opening = Post.objects.get(topic=topic)
    assert "1 sujet non lu" in _warm(viewer)
    forum_services.hide_post(opening, moderator, "Hors charte")
    page = _view(viewer)[0]
    assert "Aucun sujet non lu." in page
    assert "Aucune discussion pour l'instant." in page

    _warm(viewer)
    forum_services.restore_post(opening, moderator)
    assert "1 sujet non lu" in _view(viewer)[0]


def test_an_author_deleting_a_topic_s_only_post(viewer, space, author):
    topic = make_topic(space, author=author)
    assert "1 sujet non lu" in _warm(viewer)
    forum_services.delete_post(Post.objects.get(topic=topic), author)
    assert "Aucun sujet non lu." in _view(viewer)[0]


def test_a_topic_deleted_in_the_admin(viewer, space, author):
    topic = make_topic(space, author=author)
    assert "1 sujet non lu" in _warm(viewer)
    Topic.objects.get(pk=topic.pk).delete()
    assert "Aucun sujet non lu." in _view(viewer)[0]


def test_a_topic_moved_to_another_space_in_the_admin(viewer, space, member, author):
    elsewhere = SpaceFactory(name="Réseau des référent·e·s", slug="referents")
    make_member(elsewhere, user=member)
    topic = make_topic(space, author=author)
    # Cards in name order: "Réseau PEP'S…" first, then "Réseau des référent·e·s".
    page = _warm(viewer)
    assert page.count("1 sujet non lu") == 1
    assert page.index("1 sujet non lu") < page.index("Réseau des référent")
    moved = Topic.objects.get(pk=topic.pk)
    moved.space = elsewhere
    moved.save()
    page = _view(viewer)[0]
    assert page.count("1 sujet non lu") == 1
    assert page.index("Réseau des référent") < page.index("1 sujet non lu")


def test_a_topic_moved_away_to_a_space_the_viewer_is_not_in(viewer, space, author):
    elsewhere = SpaceFactory(name="Réseau des référent·e·s", slug="referents")
    topic = make_topic(space, author=author)
    assert "1 sujet non lu" in _warm(viewer)
    moved = Topic.objects.get(pk=topic.pk)
    moved.space = elsewhere
    moved.save()
    assert "Aucun sujet non lu." in _view(viewer)[0]


# --- memberships and the space ---------------------------------------------------------------


def test_a_new_member_changes_the_members_count(viewer, space, member):
    assert "1 membre" in _warm(viewer)
    make_member(space)
    assert "2 membres" in _view(viewer)[0]


def test_a_removed_member_changes_the_members_count(viewer, space, author, owner):
    assert "3 membres" in _warm(viewer)
    space_services.remove_member(by=owner, membership=Membership.objects.get(user=author))
    assert "2 membres" in _view(viewer)[0]


def test_the_viewer_s_new_role_shows_at_once(viewer, space, member, owner):
    assert "Votre rôle : Membre" in _warm(viewer)
    membership = Membership.objects.get(user=member, space=space)
    space_services.change_role(by=owner, membership=membership, role=Role.MODERATOR)
    assert "Votre rôle : Animateur·rice" in _view(viewer)[0]


def test_a_renamed_then_archived_space(viewer, space):
    _warm(viewer)
    edited = Space.objects.get(pk=space.pk)
    edited.name = "Réseau PEP'S Occitanie"
    edited.save()
    assert "Réseau PEP&#x27;S Occitanie" in _view(viewer)[0]

    _warm(viewer)
    edited.is_archived = True
    edited.save()  # the same instance again: its version is bumped again, never written back
    assert "· archivé" in _view(viewer)[0]


# --- access ----------------------------------------------------------------------------------


def test_a_space_the_viewer_was_removed_from_disappears_at_once(viewer, space, member, owner):
    assert "Réseau PEP" in _warm(viewer)
    space_services.remove_member(by=owner, membership=Membership.objects.get(user=member))
    page = _view(viewer)[0]
    assert "Réseau PEP" not in page
    assert "Vous n'êtes membre d'aucun espace" in page


def test_a_space_whose_view_permission_is_revoked_disappears_at_once(viewer, space, member):
    assert "Réseau PEP" in _warm(viewer)
    SpaceUserObjectPermission.objects.filter(user=member, content_object=space).delete()
    assert "Réseau PEP" not in _view(viewer)[0]


def test_unread_counts_are_never_served_to_another_member(space, member, author):
    topic = make_topic(space, author=author)
    other = make_member(space)
    camille, reader = Client(), Client()
    camille.force_login(member)
    reader.force_login(other)
    reader.get(space_url("topic_detail", space, pk=topic.pk))
    assert "Aucun sujet non lu." in _warm(reader)
    page, read_topics = _view(camille)
    assert read_topics
    assert "1 sujet non lu" in page
    assert "Aucun sujet non lu." in _view(reader)[0]


def test_members_with_the_same_memberships_never_share_their_list(space, member, author):
    """Same spaces, role, arrival and version counters: only the member tells them apart."""
    make_topic(space, author=author, title="Premier sujet")
    second = make_topic(space, author=author, title="Second sujet")
    other = make_member(space)
    camille, reader = Client(), Client()
    camille.force_login(member)
    reader.force_login(other)
    reader.get(space_url("topic_detail", space, pk=second.pk))
    memberships = Membership.objects.filter(user__in=[member, other], space=space)
    memberships.update(joined_at=Membership.objects.get(user=member).joined_at, version=7)
    assert "1 sujet non lu" in _warm(reader)
    assert "2 sujets non lus" in _view(camille)[0]


# --- query counts ----------------------------------------------------------------------------


def _warm_queries(count):
    user = make_member(SpaceFactory(slug=f"espace-{count}-0"))
    for index in range(1, count):
        space = SpaceFactory(slug=f"espace-{count}-{index}")
        make_member(space, Role.MODERATOR if index % 2 else Role.MEMBER, user=user)
        make_reply(make_topic(space))
    client = Client()
    client.force_login(user)
    _view(client)
    with CaptureQueriesContext(connection) as captured:
        client.get(MY_SPACES)
    return len(captured)


def test_warm_query_count_does_not_grow_with_the_number_of_spaces():
    assert _warm_queries(2) == _warm_queries(20)
