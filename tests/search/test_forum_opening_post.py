"""A topic's opening post is carried by the topic's search document, not a result of its own
(it would repeat the topic: same title, same text); replies are results. Which post opens a
topic moves when the first one is hidden, deleted or restored, and the index follows."""

import pytest
from django.utils import timezone

from search.models import Kind, SearchDocument
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(django_capture_on_commit_callbacks):
    space = SpaceFactory(name="Réseau PEP'S", slug="peps")
    author = make_member(space)
    with django_capture_on_commit_callbacks(execute=True):
        topic = make_topic(space, author=author, title="Dérives sectaires", body="Premier récit")
        make_reply(topic, author=author, body="Deuxième témoignage")
        make_reply(topic, author=author, body="Troisième retour")
    return topic


def _indexed_posts(topic):
    return set(
        SearchDocument.objects.filter(kind=Kind.POST).values_list("object_id", flat=True)
    ) & {str(pk) for pk in topic.posts.values_list("pk", flat=True)}


def _topic_body(topic):
    return SearchDocument.objects.get(kind=Kind.TOPIC, object_id=str(topic.pk)).body


def _posts(topic):
    return list(topic.posts.order_by("created_at", "pk"))


def test_the_opening_post_is_carried_by_its_topic_and_replies_are_results(topic):
    opening, second, third = _posts(topic)
    assert "Premier récit" in _topic_body(topic)
    assert _indexed_posts(topic) == {str(second.pk), str(third.pk)}


def test_hiding_the_opening_post_makes_the_next_one_open_the_topic(
    topic, django_capture_on_commit_callbacks
):
    opening, second, third = _posts(topic)
    with django_capture_on_commit_callbacks(execute=True):
        opening.is_hidden = True
        opening.save()
    assert "Deuxième témoignage" in _topic_body(topic)
    assert _indexed_posts(topic) == {str(third.pk)}

    with django_capture_on_commit_callbacks(execute=True):  # restored by the moderator
        opening.is_hidden = False
        opening.save()
    assert "Premier récit" in _topic_body(topic)
    assert _indexed_posts(topic) == {str(second.pk), str(third.pk)}


def test_a_deleted_opening_post_hands_over_to_the_next_one(
    topic, django_capture_on_commit_callbacks
):
    opening, second, third = _posts(topic)
    with django_capture_on_commit_callbacks(execute=True):
        opening.deleted_at = timezone.now()
        opening.save()
    assert "Deuxième témoignage" in _topic_body(topic)
    assert _indexed_posts(topic) == {str(third.pk)}


def test_a_rebuild_gives_the_same_documents_as_the_incremental_updates(topic):
    from search.sync import rebuild

    before = set(SearchDocument.objects.values_list("kind", "object_id", "body"))
    rebuild()
    assert set(SearchDocument.objects.values_list("kind", "object_id", "body")) == before
