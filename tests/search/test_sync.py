"""The outbox: changes recorded with the write, applied by the task, kept when the engine is
down, replayed by resync; rebuild streams by key and removes orphans."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.forum.models import Post, Topic
from extranet.forum.services import hide_post
from search import indexing, sync
from search.engines import EngineUnavailable
from search.models import IndexChange, Kind, SearchDocument, space_audience
from search.service import search
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    return SpaceFactory(name="Réseau VRL", slug="vrl")


def _document_of(instance):
    model = Topic if isinstance(instance, Topic) else Post
    return SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(instance.pk)
    ).first()


def test_a_change_is_recorded_in_the_outbox_with_the_write(space):
    topic = make_topic(space, title="Laïcité à l'école")
    assert IndexChange.objects.filter(
        content_type=ContentType.objects.get_for_model(Topic), object_id=str(topic.pk)
    ).exists()


def test_the_task_enqueued_on_commit_applies_the_change(space, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = make_topic(space, title="Laïcité à l'école", body="Premier échange")
    document = _document_of(topic)
    assert document.kind == Kind.TOPIC
    assert document.audience == space_audience(space.pk)
    assert document.space_name == "Réseau VRL"
    assert document.body == "Premier échange"
    assert not IndexChange.objects.exists()


def test_replies_are_indexed_in_their_topic_and_hidden_ones_are_removed(space):
    topic = make_topic(space, title="Laïcité")
    post = make_reply(topic, body="Une réponse sur la laïcité")
    sync.process_pending()
    assert _document_of(topic).audience == space_audience(space.pk)
    assert "Une réponse sur la laïcité" in _document_of(topic).body
    assert _document_of(post) is None  # no document of its own
    moderator = make_member(space, role="moderator")
    hide_post(post, moderator, "hors sujet")
    sync.process_pending()
    assert "Une réponse" not in _document_of(topic).body


def test_deleting_the_source_deletes_its_document(space):
    topic = make_topic(space, title="Laïcité")
    sync.process_pending()
    assert _document_of(topic) is not None
    topic_pk = topic.pk
    topic.delete()
    sync.process_pending()
    assert not SearchDocument.objects.filter(object_id=str(topic_pk), kind=Kind.TOPIC).exists()


def test_engine_down_keeps_the_change_and_the_write_succeeds(space, monkeypatch):
    def unreachable(documents):
        raise EngineUnavailable("connection refused")

    monkeypatch.setattr(indexing, "push", unreachable)
    topic = make_topic(space, title="Laïcité en débat")
    report = sync.process_pending()
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert report.failed == 1 and report.applied == 0
    changes = IndexChange.objects.filter(object_id=str(topic.pk), content_type__model="topic")
    assert changes.exists()
    for change in changes:
        assert change.attempts == 1
        assert "connection refused" in change.last_error


def test_resync_after_an_outage_loses_nothing(space, monkeypatch):
    member = make_member(space)
    real_push = indexing.push

    def unreachable(documents):
        raise EngineUnavailable("connection refused")

    monkeypatch.setattr(indexing, "push", unreachable)
    topics = [make_topic(space, author=member, title=f"Laïcité, épisode {n}") for n in range(5)]
    for _ in range(3):  # several failed runs
        sync.process_pending()
    assert IndexChange.objects.exists()

    monkeypatch.setattr(indexing, "push", real_push)
    call_command("search_resync", stdout=io.StringIO())
    assert not IndexChange.objects.exists()
    response = search(member, "laïcité épisode")
    assert {r.title for r in response.results} == {t.title for t in topics}


def test_replaying_the_same_change_twice_is_harmless(space):
    topic = make_topic(space, title="Laïcité")
    sync.record(topic)
    sync.record(topic)
    sync.process_pending()
    assert SearchDocument.objects.filter(kind=Kind.TOPIC, object_id=str(topic.pk)).count() == 1


def test_renaming_a_space_updates_the_name_on_its_documents(space):
    topic = make_topic(space, title="Laïcité")
    sync.process_pending()
    space.name = "Réseau VRL Occitanie"
    space.save()
    sync.process_pending()
    assert _document_of(topic).space_name == "Réseau VRL Occitanie"


def test_rebuild_creates_every_document_and_removes_orphans(space):
    topic = make_topic(space, title="Laïcité")
    IndexChange.objects.all().delete()  # as if nothing had ever been synced
    orphan = SearchDocument.objects.create(
        content_type=ContentType.objects.get_for_model(Topic),
        object_id="999999",
        kind=Kind.TOPIC,
        title="Sujet disparu",
        url="/x/",
        audience="public",
    )
    progress, removed = sync.rebuild(chunk_size=1)
    assert _document_of(topic) is not None
    assert not SearchDocument.objects.filter(pk=orphan.pk).exists()
    assert removed >= 1
    assert progress.done == progress.total


def test_rebuild_streams_by_key_without_offset(space):
    for n in range(5):
        make_topic(space, title=f"Sujet {n}")
    with CaptureQueriesContext(connection) as queries:
        sync.rebuild(chunk_size=2)
    selects = [q["sql"] for q in queries.captured_queries if 'FROM "forum_topic"' in q["sql"]]
    assert selects and not any("OFFSET" in sql.upper() for sql in selects)
    assert any('"forum_topic"."id" >' in sql for sql in selects)


def test_rebuild_command_shows_count_rate_and_remaining_time(space, capsys):
    make_topic(space, title="Laïcité")
    call_command("search_rebuild", "--chunk-size", "1")
    output = capsys.readouterr().out
    assert "doc/s" in output and "reste" in output and "source(s) traitée(s)" in output
