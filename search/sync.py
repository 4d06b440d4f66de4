"""Keeping search documents and engines in line with their sources, through the outbox.

1. ``record`` (called by signal handlers, inside the transaction of the change) writes an
   ``IndexChange`` row and, once that transaction commits, enqueues ``process_index_changes``.
   The write of the source never depends on the engine.
2. ``process_pending`` applies the recorded changes in order: builds the document from the
   source as it is *now* (so replaying a change is idempotent), stores it, pushes it to the
   engine, and only then deletes the outbox rows. If the engine does not answer, the rows stay
   (``attempts``, ``last_error``) and ``manage.py search_resync`` replays them later.
3. ``rebuild`` recomputes every document, streaming each source table by primary key
   (``pk > last`` with a limit, never OFFSET), then deletes documents whose source is gone.

Membership changes need no re-indexing at all: audiences are resolved at query time.
"""

import logging
import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search import indexing
from search.documents import builder_for_model, builders
from search.engines import EngineUnavailable
from search.models import FacetValue, IndexChange, SearchDocument

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
REBUILD_CHUNK = 500


# --- recording ------------------------------------------------------------------------------


def _source_key(instance):
    builder = builder_for_model(type(instance))
    if builder is None:
        return None
    return ContentType.objects.get_for_model(builder.model), str(instance.pk)


def _enqueue_on_commit():
    from search.tasks import process_index_changes

    def enqueue():
        try:
            process_index_changes.enqueue()
        except Exception:  # the queue being down must not fail the request: resync catches up
            logger.exception("Could not enqueue search indexing; search_resync will catch up")

    transaction.on_commit(enqueue)


def record(instance, deleted=False, with_descendants=False):
    """Record that ``instance`` changed (or was deleted). Cheap: one INSERT."""
    key = _source_key(instance)
    if key is None:
        return
    content_type, object_id = key
    IndexChange.objects.create(
        content_type=content_type,
        object_id=object_id,
        action=IndexChange.Action.DELETE if deleted else IndexChange.Action.UPSERT,
    )
    _enqueue_on_commit()


def record_many(model, pks, action=IndexChange.Action.UPSERT):
    builder = builder_for_model(model)
    if builder is None:
        return
    content_type = ContentType.objects.get_for_model(builder.model)
    IndexChange.objects.bulk_create(
        [IndexChange(content_type=content_type, object_id=str(pk), action=action) for pk in pks],
        batch_size=1000,
    )
    _enqueue_on_commit()


def record_pages(pages):
    from wagtail.models import Page

    record_many(Page, pages.values_list("pk", flat=True))


def record_space_content(space):
    """A space's name is on every document of it: re-record them all."""
    content_type_ids = {
        ContentType.objects.get_for_model(builder.model).pk: builder for builder in builders()
    }
    documents = SearchDocument.objects.filter(
        space_id=space.pk, content_type_id__in=content_type_ids
    )
    for content_type_id, object_id in documents.values_list("content_type_id", "object_id"):
        builder = content_type_ids[content_type_id]
        record_many(builder.model, [object_id])


# --- applying -------------------------------------------------------------------------------


@dataclass
class ProcessReport:
    applied: int = 0
    failed: int = 0
    remaining: int = 0


def _apply(content_type, object_id, action):
    """Bring one source's document in line with the source as it is now."""
    model = content_type.model_class()
    builder = builder_for_model(model) if model else None
    source = None
    if builder is not None and action == IndexChange.Action.UPSERT:
        source = builder.queryset().filter(pk=object_id).first()
    data = builder.build(source) if source is not None else None
    existing = SearchDocument.objects.filter(content_type=content_type, object_id=object_id)
    if data is None:
        documents = list(existing)
        indexing.remove(documents)
        existing.delete()
        return
    document = indexing.store(content_type, object_id, data)
    indexing.push([document])


def process_pending(batch_size=BATCH_SIZE, max_batches=None):
    """Apply recorded changes, oldest first. Stops at the first engine failure (the rest
    would fail too) leaving the rows for the next run."""
    report = ProcessReport()
    batches = 0
    while max_batches is None or batches < max_batches:
        batches += 1
        rows = list(IndexChange.objects.select_related("content_type").order_by("pk")[:batch_size])
        if not rows:
            break
        latest = {}
        for row in rows:
            latest[(row.content_type_id, row.object_id)] = row  # the last change wins
        for (content_type_id, object_id), row in latest.items():
            same_source = IndexChange.objects.filter(
                content_type_id=content_type_id, object_id=object_id, pk__lte=row.pk
            )
            try:
                _apply(row.content_type, object_id, row.action)
            except EngineUnavailable as error:
                same_source.update(attempts=F("attempts") + 1, last_error=str(error)[:2000])
                report.failed += 1
                report.remaining = IndexChange.objects.count()
                logger.warning(
                    "Search engine unavailable, %s changes kept: %s", report.remaining, error
                )
                return report
            same_source.delete()
            report.applied += 1
    report.remaining = IndexChange.objects.count()
    return report


def resync():
    """Replay the whole outbox (``manage.py search_resync``, periodically)."""
    return process_pending()


# --- rebuilding -----------------------------------------------------------------------------


@dataclass
class Progress:
    done: int
    total: int
    elapsed: float

    @property
    def rate(self):
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self):
        return (self.total - self.done) / self.rate if self.rate else None


def _store_chunk(content_type, pairs, now):
    """Store many documents in a few queries: one read, one bulk insert, one bulk update,
    one facet delete, one facet insert."""
    object_ids = [str(obj.pk) for obj, _ in pairs]
    existing = {
        doc.object_id: doc
        for doc in SearchDocument.objects.filter(
            content_type=content_type, object_id__in=object_ids
        )
    }
    fields = ["kind", "title", "body", "url", "date", "year", "audience", "space_id", "space_name"]
    to_create, to_update, documents = [], [], []
    for obj, data in pairs:
        document = existing.get(str(obj.pk)) or SearchDocument(
            content_type=content_type, object_id=str(obj.pk)
        )
        document.kind, document.title, document.body = data.kind, data.title[:500], data.body
        document.url, document.date, document.audience = data.url[:500], data.date, data.audience
        document.year = data.date.year if data.date else None
        document.space_id, document.space_name = data.space_id, data.space_name[:200]
        document.updated_at = now
        (to_update if document.pk else to_create).append(document)
        documents.append((document, data))
    with transaction.atomic():
        SearchDocument.objects.bulk_update(to_update, fields + ["updated_at"], batch_size=500)
        SearchDocument.objects.bulk_create(to_create, batch_size=500)
        if not all(document.pk for document in to_create):  # backends without RETURNING
            fresh = SearchDocument.objects.filter(
                content_type=content_type, object_id__in=object_ids
            )
            by_id = {doc.object_id: doc.pk for doc in fresh}
            for document in to_create:
                document.pk = by_id[document.object_id]
        FacetValue.objects.filter(document__in=[d.pk for d, _ in documents]).delete()
        FacetValue.objects.bulk_create(
            [
                FacetValue(document_id=document.pk, facet=facet, slug=slug[:150], name=name[:200])
                for document, data in documents
                for facet, values in (
                    (FacetValue.Facet.THEME, data.themes),
                    (FacetValue.Facet.TERRITORY, data.territories),
                )
                for slug, name in dict(values).items()
            ],
            batch_size=1000,
        )
    return [document for document, _ in documents]


def rebuild(chunk_size=REBUILD_CHUNK, on_progress=None, reset_engine=False):
    """Recompute every document from its source and push it; delete the orphans."""
    from modelsearch.backends import get_search_backends_with_name

    started = timezone.now()
    if reset_engine:
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            index = backend.get_index_for_model(SearchDocument)
            index.reset()
            index.add_model(SearchDocument)
    total = sum(builder.queryset().count() for builder in builders() if _available(builder))
    done, clock = 0, time.monotonic()
    for builder in builders():
        if not _available(builder):
            continue
        content_type = ContentType.objects.get_for_model(builder.model)
        last_pk = None
        queryset = builder.queryset().order_by("pk")
        while True:
            page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            sources = list(page[:chunk_size])
            if not sources:
                break
            last_pk = sources[-1].pk
            pairs = [(obj, data) for obj in sources if (data := builder.build(obj)) is not None]
            if pairs:
                indexing.push(_store_chunk(content_type, pairs, started))
            done += len(sources)
            if on_progress:
                on_progress(Progress(done, total, time.monotonic() - clock))
    orphans = SearchDocument.objects.filter(updated_at__lt=started)
    indexing.remove(orphans)
    removed, _ = orphans.delete()
    return Progress(done, total, time.monotonic() - clock), removed


def _available(builder):
    try:
        builder.model  # noqa: B018  (the source app may not be installed)
    except LookupError:
        return False
    return True
