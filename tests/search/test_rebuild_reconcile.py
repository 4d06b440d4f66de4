"""After a rebuild into a fresh engine index, only the documents someone else wrote during
it are sent again (``engine_indexes.changed_during``); the rebuild's own writes went into the
new index already."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from search import engine_indexes, indexing
from search.indexing import DocumentData
from search.models import Kind, SearchDocument

pytestmark = pytest.mark.django_db


class _Source:
    def __init__(self, pk):
        self.pk = pk


def _data(title):
    return DocumentData(kind=Kind.NEWS, title=title, url=f"/{title}/", audience="public")


def _store(pks, title, now):
    content_type = ContentType.objects.get_for_model(SearchDocument)
    pairs = [(_Source(pk), _data(f"{title} {pk}")) for pk in pks]
    return indexing.store_many(content_type, pairs, now)


def test_the_rebuilds_own_writes_are_not_sent_again():
    started = timezone.now()
    documents = _store(range(1, 6), "Fiche", started)
    written = {document.pk: document.updated_at for document in documents}
    assert engine_indexes.changed_during(started, written) == []


def test_a_document_written_again_during_the_rebuild_is_sent_again():
    started = timezone.now()
    documents = _store(range(1, 6), "Fiche", started)
    written = {document.pk: document.updated_at for document in documents}
    (again,) = _store([3], "Fiche modifiée", timezone.now())  # the outbox, meanwhile
    (added,) = _store([9], "Nouvelle fiche", timezone.now())
    assert engine_indexes.changed_during(started, written) == sorted([again.pk, added.pk])


def test_without_the_rebuilds_stamps_every_document_written_since_is_sent():
    started = timezone.now()
    documents = _store(range(1, 4), "Fiche", started)
    assert engine_indexes.changed_during(started) == sorted(d.pk for d in documents)
    assert SearchDocument.objects.count() == 3
