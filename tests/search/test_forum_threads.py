"""A topic and its replies are one search document (#10 §2): the topic's title, then the text
of every post its members see, oldest first. Replies have no document of their own, so a
search finds a conversation once, whichever of its posts match. Hiding, deleting, restoring
and editing a post change its topic's text; a rebuild gives the same documents."""

import pytest
from django.utils import timezone

from search.documents.forum import THREAD_TEXT_LIMIT, thread_text
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


def _topic_body(topic):
    return SearchDocument.objects.get(kind=Kind.TOPIC, object_id=str(topic.pk)).body


def _posts(topic):
    return list(topic.posts.order_by("created_at", "pk"))


def _save(post, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        for name, value in changes.items():
            setattr(post, name, value)
        post.save()


def test_a_topic_document_holds_every_visible_post_in_order(topic):
    assert _topic_body(topic) == "Premier récit Deuxième témoignage Troisième retour"


def test_replies_have_no_document_of_their_own(topic):
    assert SearchDocument.objects.count() == 1
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {Kind.TOPIC}


def test_a_hidden_post_leaves_its_topics_text_and_comes_back_when_restored(
    topic, django_capture_on_commit_callbacks
):
    opening, second, third = _posts(topic)
    _save(second, django_capture_on_commit_callbacks, is_hidden=True)
    assert _topic_body(topic) == "Premier récit Troisième retour"
    _save(second, django_capture_on_commit_callbacks, is_hidden=False)
    assert _topic_body(topic) == "Premier récit Deuxième témoignage Troisième retour"


def test_a_post_deleted_by_its_author_leaves_its_topics_text(
    topic, django_capture_on_commit_callbacks
):
    opening, second, third = _posts(topic)
    _save(opening, django_capture_on_commit_callbacks, deleted_at=timezone.now())
    assert _topic_body(topic) == "Deuxième témoignage Troisième retour"


def test_an_edited_reply_changes_its_topics_text(topic, django_capture_on_commit_callbacks):
    opening, second, third = _posts(topic)
    _save(third, django_capture_on_commit_callbacks, body="<p>Retour <em>corrigé</em></p>")
    assert _topic_body(topic) == "Premier récit Deuxième témoignage Retour corrigé"


def test_a_post_removed_from_the_database_leaves_its_topics_text(
    topic, django_capture_on_commit_callbacks
):
    opening, second, third = _posts(topic)
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert _topic_body(topic) == "Premier récit Troisième retour"


def test_a_rebuild_gives_the_same_documents_as_the_incremental_updates(topic):
    from search.sync import rebuild

    before = set(SearchDocument.objects.values_list("kind", "object_id", "body"))
    rebuild()
    assert set(SearchDocument.objects.values_list("kind", "object_id", "body")) == before


def test_a_rebuild_deletes_the_reply_documents_of_earlier_versions(topic):
    """Before #10 §2 each reply had a document (kind ``message``): a rebuild removes them."""
    from django.contrib.contenttypes.models import ContentType

    from extranet.forum.models import Post
    from search.sync import rebuild

    reply = _posts(topic)[1]
    SearchDocument.objects.create(
        content_type=ContentType.objects.get_for_model(Post),
        object_id=str(reply.pk),
        kind="message",
        title=topic.title,
        url=reply.get_absolute_url(),
        audience=f"space:{topic.space_id}",
    )
    rebuild()
    assert not SearchDocument.objects.filter(kind="message").exists()


def test_a_conversation_longer_than_the_limit_keeps_its_oldest_posts_whole():
    post = "mot " * 1000  # 4,000 characters, 3,999 once stripped
    text = thread_text([post] * (THREAD_TEXT_LIMIT // 4000 + 5))
    assert len(text) <= THREAD_TEXT_LIMIT
    assert text.startswith("mot mot")
    assert len(text.split()) % 1000 == 0  # whole posts only
