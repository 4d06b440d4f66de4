"""The outbox and its task: every change is written with the transaction that makes it, and a
transaction, however many changes it records, enqueues one indexing task when it commits.
Processing applies a batch in a few queries per source type and is not held up by a source
that cannot be built."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search import sync, tasks
from search.documents.forum import TopicBuilder
from search.models import IndexChange, Kind, SearchDocument
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.factories.extranet import make_document as make_library_document

pytestmark = pytest.mark.django_db


class _Queue:
    """Stands for django-tasks: counts the indexing tasks enqueued."""

    def __init__(self, refuse=False):
        self.enqueued, self.refuse = 0, refuse

    def enqueue(self):
        if self.refuse:
            raise ConnectionError("queue unreachable")
        self.enqueued += 1


@pytest.fixture
def queue(monkeypatch):
    fake = _Queue()
    monkeypatch.setattr(tasks, "process_index_changes", fake)
    return fake


@pytest.fixture
def space():
    return SpaceFactory(name="Réseau PRE", slug="pre")


@pytest.fixture
def author(space):
    return make_member(space)


def _seed(space, author, topics, replies=2):
    """What a seeding script does: topics and replies, many outbox rows."""
    for n in range(topics):
        topic = make_topic(space, author=author, title=f"Réussite éducative, sujet {n}")
        for m in range(replies):
            make_reply(topic, author=author, body=f"Réponse {m} sur la réussite éducative")


def test_a_transaction_of_many_changes_enqueues_one_task(
    space, author, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _seed(space, author, topics=5)
    assert IndexChange.objects.count() >= 15  # every change recorded…
    assert queue.enqueued == 1  # …one task to apply them


def test_each_committed_transaction_enqueues_its_own_task(
    space, author, queue, django_capture_on_commit_callbacks
):
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            make_topic(space, author=author, title=f"Sujet {n}")
    assert queue.enqueued == 3


def test_a_change_after_a_rolled_back_savepoint_still_gets_its_task(
    space, author, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        try:
            with transaction.atomic():
                make_topic(space, author=author, title="Abandonné")
                raise RuntimeError("the view failed")
        except RuntimeError:
            pass
        kept = make_topic(space, author=author, title="Laïcité : le sujet gardé")
    assert queue.enqueued == 1
    assert IndexChange.objects.filter(object_id=str(kept.pk), content_type__model="topic")


def test_a_rolled_back_transaction_leaves_no_outbox_row_and_no_task(
    space, author, queue, django_capture_on_commit_callbacks
):
    before = IndexChange.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                make_topic(space, author=author, title="Jamais écrit")
                assert IndexChange.objects.count() > before  # written with the change…
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert IndexChange.objects.count() == before  # …and gone with it
    assert not [c for c in callbacks if isinstance(c, sync._ProcessAfterCommit)]
    assert queue.enqueued == 0


def test_a_queue_that_refuses_the_task_does_not_fail_the_write(
    space, author, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks, "process_index_changes", _Queue(refuse=True))
    with django_capture_on_commit_callbacks(execute=True):
        topic = make_topic(space, author=author, title="Écrit malgré la file")
    # The change stays in the outbox for search_resync.
    assert IndexChange.objects.filter(object_id=str(topic.pk), content_type__model="topic")


def test_the_one_task_applies_every_change_of_the_transaction(
    space, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        _seed(space, author, topics=4)
    assert not IndexChange.objects.exists()
    assert SearchDocument.objects.filter(kind=Kind.TOPIC).count() == 4
    # Three posts per topic, all in their topic's document: nothing else.
    assert SearchDocument.objects.count() == 4


def test_processing_a_batch_costs_the_same_queries_for_ten_or_forty_changes(space, author):
    def processing_queries():
        with CaptureQueriesContext(connection) as captured:
            report = sync.process_pending()
        assert report.applied and not IndexChange.objects.exists()
        return len(captured.captured_queries)

    _seed(space, author, topics=3, replies=1)
    few = processing_queries()
    _seed(space, author, topics=12, replies=1)
    many = processing_queries()
    assert many == few


def test_a_source_that_cannot_be_built_keeps_its_rows_and_others_are_applied(
    space, author, monkeypatch
):
    def broken(self, topics):
        raise ValueError("unreadable topic")

    monkeypatch.setattr(TopicBuilder, "build_many", broken)
    topic = make_topic(space, author=author, title="Laïcité à l'école")
    document = make_library_document(space, title="Charte de la laïcité")
    report = sync.process_pending()
    assert report.errors >= 1 and report.failed == 0
    assert SearchDocument.objects.filter(kind=Kind.DOCUMENT, object_id=str(document.pk)).exists()
    kept = IndexChange.objects.filter(content_type__model="topic")
    assert kept.exists() and not IndexChange.objects.filter(content_type__model="document")
    assert all(row.attempts == 1 and "unreadable topic" in row.last_error for row in kept)

    monkeypatch.undo()  # fixed: the next run applies them
    assert sync.process_pending().errors == 0
    assert not IndexChange.objects.exists()
    assert SearchDocument.objects.filter(kind=Kind.TOPIC, object_id=str(topic.pk)).exists()
