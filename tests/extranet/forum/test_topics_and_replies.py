"""Opening topics and replying: who may, what is stored, and the counters."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.forum.models import Post, Topic
from extranet.forum.services import create_topic, reply
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


def test_member_opens_a_topic_with_its_first_post(space, member):
    topic = create_topic(space, member, "  Place des  parents ", "Comment les associer ?")
    assert topic.title == "Place des parents"
    assert topic.author == member
    assert topic.post_count == 1
    first = topic.posts.get()
    assert first.body == "<p>Comment les associer ?</p>"
    assert topic.last_post == first
    assert topic.last_activity_at == first.created_at


def test_post_body_is_sanitised_on_the_way_in(space, member):
    topic = create_topic(space, member, "Titre", '<p onclick="x">Bonjour<script>alert(1)</script>')
    assert topic.posts.get().body == "<p>Bonjour</p>"


@pytest.mark.parametrize("body", ["", "   ", "<script>alert(1)</script>", "<p></p>"])
def test_empty_body_is_refused_in_french(space, member, body):
    with pytest.raises(ValidationError) as caught:
        create_topic(space, member, "Titre", body)
    assert caught.value.message_dict == {"body": ["Le message est vide."]}
    assert not Topic.objects.exists()


def test_missing_title_is_refused(space, member):
    with pytest.raises(ValidationError) as caught:
        create_topic(space, member, "  ", "Texte")
    assert caught.value.message_dict == {"title": ["Le titre est obligatoire."]}


def test_overlong_title_is_refused(space, member):
    with pytest.raises(ValidationError) as caught:
        create_topic(space, member, "x" * 201, "Texte")
    assert "200 caractères" in caught.value.message_dict["title"][0]


@pytest.mark.parametrize("role", ["outsider", "removed_member", "inactive_member", "anonymous"])
def test_non_members_cannot_open_a_topic_and_get_404(request, space, role):
    user = request.getfixturevalue(role)
    with pytest.raises(Http404):
        create_topic(space, user, "Titre", "Texte")


def test_archived_space_takes_no_new_topic(space, member):
    space.is_archived = True
    space.save()
    with pytest.raises(PermissionDenied):
        create_topic(space, member, "Titre", "Texte")


def test_reply_updates_counters_and_last_post(space, member, moderator):
    topic = make_topic(space, member)
    answer = reply(topic, moderator, "Réponse")
    topic.refresh_from_db()
    assert topic.post_count == 2
    assert topic.last_post == answer
    assert topic.last_activity_at == answer.created_at


def test_reply_refreshes_the_callers_topic_instance(space, member):
    topic = make_topic(space, member)
    reply(topic, member, "Réponse")
    assert topic.post_count == 2


def test_replies_keep_thread_order(space, member):
    topic = make_topic(space, member, body="un")
    make_reply(topic, member, "deux")
    make_reply(topic, member, "trois")
    assert [p.body for p in topic.posts.all()] == ["<p>un</p>", "<p>deux</p>", "<p>trois</p>"]


def test_locked_topic_takes_no_reply_even_from_a_moderator(space, member, moderator):
    topic = make_topic(space, member)
    topic.is_locked = True
    topic.save()
    for user in (member, moderator):
        with pytest.raises(PermissionDenied) as caught:
            reply(topic, user, "Encore un mot")
        assert "verrouillé" in str(caught.value)
    assert Post.objects.filter(topic=topic).count() == 1


def test_outsider_replying_gets_404(space, member, outsider):
    topic = make_topic(space, member)
    with pytest.raises(Http404):
        reply(topic, outsider, "Bonjour")


def test_member_of_another_space_cannot_reply(space, other_space, member):
    topic = make_topic(other_space)
    with pytest.raises(Http404):
        reply(topic, member, "Bonjour")


def test_reply_in_archived_space_is_refused(space, member):
    topic = make_topic(space, member)
    space.is_archived = True
    space.save()
    topic.refresh_from_db()
    with pytest.raises(PermissionDenied) as caught:
        reply(topic, member, "Bonjour")
    assert "archivé" in str(caught.value)


def test_staff_may_post_anywhere(space, staff):
    topic = create_topic(space, staff, "Annonce", "Texte")
    assert reply(topic, staff, "Suite").topic_id == topic.pk


def test_moderators_see_author_deleted_as_former_member(space):
    author = make_member(space)
    topic = make_topic(space, author)
    author.delete()
    topic.refresh_from_db()
    assert topic.author is None
    assert "membre parti·e" in str(topic.posts.get())


def test_reply_to_a_topic_deleted_meanwhile_is_404_not_an_error(space, member):
    topic = make_topic(space, member)
    Topic.objects.filter(pk=topic.pk).delete()
    with pytest.raises(Http404):
        reply(topic, member, "Trop tard")
