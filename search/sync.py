"""Keeping search documents and engines in line with their sources, through the outbox.

1. ``record`` (called by signal handlers, inside the transaction of the change) writes an
   ``IndexChange`` row and, once that transaction commits, enqueues ``process_index_changes``:
   one task per transaction, however many changes it records. The write of the source never
   depends on the engine.
2. ``process_pending`` applies the recorded changes in order, a batch at a time: builds the
   documents from the sources as they are *now* (so replaying a change is idempotent), stores
   them, pushes them to the engine, and only then deletes the outbox rows. If the engine does
   not answer, the rows stay (``attempts``, ``last_error``) and ``manage.py search_resync``
   replays them later.
3. ``rebuild`` recomputes every document, streaming each source table by primary key
   (``pk > last`` with a limit, never OFFSET) in chunks of a few queries each, then deletes
   documents whose source is gone.

Membership changes need no re-indexing at all: audiences are resolved at query time.
"""

import logging
import time
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search import admin_indexes, engine_indexes, indexing
from search.documents import builder_for_model, builders
from search.engines import EngineUnavailable
from search.models import IndexChange, SearchDocument
from search.push_ahead import PushAhead

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
REBUILD_CHUNK = 500
UPSERT = IndexChange.Action.UPSERT
DELETE = IndexChange.Action.DELETE


# --- recording ------------------------------------------------------------------------------


def _source_key(instance):
    builder = builder_for_model(type(instance))
    if builder is None:
        return None
    return ContentType.objects.get_for_model(builder.model), str(instance.pk)


def _enqueue_processing():
    from search.tasks import process_index_changes

    try:
        process_index_changes.enqueue()
    except Exception:  # the queue being down must not fail the request: resync catches up
        logger.exception("Could not enqueue search indexing; search_resync will catch up")


class _ProcessAfterCommit:
    """The on-commit callback that enqueues the outbox's processing (once it has run, a new
    change needs a new one: tests that capture on-commit callbacks keep them listed)."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        _enqueue_processing()


def _enqueue_on_commit(using=None):
    """Enqueue one ``process_index_changes`` when the current transaction commits, however
    many changes it records: the task applies the whole outbox anyway.

    The callback is registered once per transaction: a later ``record`` finds it among the
    connection's pending on-commit callbacks. If it was registered inside a savepoint that
    is rolled back, Django drops it with the savepoint and the next ``record`` registers it
    again, so a committed change always has a task after it (and ``search_resync`` as the
    safety net). Outside a transaction (autocommit) each change is its own transaction.
    """
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(
        isinstance(callback, _ProcessAfterCommit) and not callback.done
        for _savepoints, callback, *_robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(_ProcessAfterCommit(), using=using)


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


def record_together(*instances):
    """Record that several instances (of any models) changed: one INSERT for all of them (a
    forum reply records its post and its topic, on the path of every reply)."""
    keys = [key for key in map(_source_key, instances) if key is not None]
    if not keys:
        return
    IndexChange.objects.bulk_create(
        [IndexChange(content_type=ct, object_id=pk, action=UPSERT) for ct, pk in keys]
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
    object_ids = defaultdict(list)
    for content_type_id, object_id in documents.values_list("content_type_id", "object_id"):
        object_ids[content_type_id].append(object_id)
    for content_type_id, ids in object_ids.items():
        record_many(content_type_ids[content_type_id].model, ids)


# --- applying -------------------------------------------------------------------------------


@dataclass
class ProcessReport:
    applied: int = 0  # sources brought in line
    failed: int = 0  # batches stopped by an unreachable engine
    errors: int = 0  # sources whose document could not be built (rows kept, see last_error)
    remaining: int = 0


def _apply_for_type(content_type, actions, now):
    """Bring the documents of some sources of one type in line with the sources as they are
    now: ``actions`` maps object ids to their latest action. A few queries for the lot:
    the sources (with what their builder needs), the documents, the engine."""
    if content_type == _engine_removal_type():
        indexing.remove_from_engines(list(actions))
        return len(actions)
    model = content_type.model_class()
    builder = builder_for_model(model) if model else None
    built = {}
    upserts = [object_id for object_id, action in actions.items() if action == UPSERT]
    if builder is not None and upserts:
        sources = list(builder.queryset().filter(pk__in=upserts))
        for source, data in builder.build_many(sources):
            if data is not None:
                built[str(source.pk)] = (source, data)
    # Withdrawals first: they only touch the database, so an engine that fails on the
    # pushes below cannot leave an unpublished page or a hidden post searchable meanwhile.
    gone = [object_id for object_id in actions if object_id not in built]
    if gone:
        withdraw(SearchDocument.objects.filter(content_type=content_type, object_id__in=gone))
    if built:
        indexing.push(indexing.store_many(content_type, list(built.values()), now))
    if model is not None and admin_indexes.has_own_index(model):
        # Its own index (the admin's search) too: a change Wagtail could not write there
        # while the engine was down was recorded here (``admin_indexes``).
        admin_indexes.replay(model, list(actions))
    return len(actions)


def _engine_removal_type():
    """The content type of the outbox's engine removals: ``SearchDocument`` itself (it is
    no source: no builder), the object id being the document's id in the engines."""
    return ContentType.objects.get_for_model(SearchDocument)


def withdraw(documents):
    """Take documents out of search whose source is gone, hidden or no longer searchable.

    Their rows and the database's index entries go at once, with the change being applied:
    from then on no search shows them, not even the database fallback answering while the
    engine is down (it listed an unpublished page and a hidden post, snippet included). The
    engines are told through the outbox (removals recorded by document id, applied after,
    retried by ``search_resync`` until the engine answers), since the rows they would need
    are gone.
    """
    documents = list(documents)
    if not documents:
        return
    ids = [document.pk for document in documents]
    with transaction.atomic():
        indexing.remove_from_database_indexes(documents)
        if indexing.has_engine():
            content_type = _engine_removal_type()
            IndexChange.objects.bulk_create(
                [
                    IndexChange(content_type=content_type, object_id=str(pk), action=DELETE)
                    for pk in ids
                ],
                batch_size=1000,
            )
            _enqueue_on_commit()
        SearchDocument.objects.filter(pk__in=ids).delete()


def _keep(rows, error):
    IndexChange.objects.filter(pk__in=[row.pk for row in rows]).update(
        attempts=F("attempts") + 1, last_error=str(error)[:2000]
    )


def process_pending(batch_size=BATCH_SIZE, max_batches=None):
    """Apply recorded changes, oldest first, a batch at a time (the latest change of each
    source wins; a batch costs a few queries per source type, not per change).

    An unreachable engine stops the run (the rest would fail too) and keeps the batch's rows
    for the next run. A source whose document cannot be built keeps its rows (``attempts``,
    ``last_error``) without holding up the others: the run goes on past them (by key).
    """
    report = ProcessReport()
    batches, last_pk = 0, 0
    while max_batches is None or batches < max_batches:
        batches += 1
        rows = list(IndexChange.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not rows:
            break
        last_pk = rows[-1].pk
        by_type = defaultdict(dict)
        for row in rows:
            by_type[row.content_type_id][row.object_id] = row.action  # the last change wins
        done, now = [], timezone.now()
        for content_type_id, actions in by_type.items():
            of_type = [row for row in rows if row.content_type_id == content_type_id]
            content_type = ContentType.objects.get_for_id(content_type_id)
            try:
                report.applied += _apply_for_type(content_type, actions, now)
            except EngineUnavailable as error:
                IndexChange.objects.filter(pk__in=[row.pk for row in done]).delete()
                _keep([row for row in rows if row not in done], error)
                report.failed += 1
                report.remaining = IndexChange.objects.count()
                logger.warning(
                    "Search engine unavailable, %s changes kept: %s", report.remaining, error
                )
                return report
            except Exception as error:  # a source that cannot be built must not block others
                logger.exception("Search documents of %s not built", content_type)
                _keep(of_type, error)
                report.errors += len(actions)
                continue
            done.extend(of_type)
        IndexChange.objects.filter(pk__in=[row.pk for row in done]).delete()
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
    source: str = ""  # the source type of the chunk just written (``app_label.Model``)

    @property
    def rate(self):
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self):
        return (self.total - self.done) / self.rate if self.rate else None


@dataclass
class _Stream:
    """One source type read by key (``pk > last`` LIMIT n, never OFFSET)."""

    builder: object
    content_type: object
    total: int
    done: int = 0
    last_pk: object = None
    exhausted: bool = False

    @property
    def share_done(self):
        return self.done / self.total if self.total else 1.0

    def next_chunk(self, size):
        queryset = self.builder.queryset().order_by("pk")
        if self.last_pk is not None:
            queryset = queryset.filter(pk__gt=self.last_pk)
        sources = list(queryset[:size])
        if sources:
            self.last_pk = sources[-1].pk
            self.done += len(sources)
        else:
            self.exhausted = True
        return sources


def rebuild(chunk_size=REBUILD_CHUNK, on_progress=None, reset_engine=False):
    """Recompute every document from its source and push it; delete the orphans.

    Source types are interleaved in proportion to their size (the next chunk comes from the
    type least far along): the mix of pages, topics and posts stays the same from start to
    end, so the rate shown is steady and the remaining time it gives is right, and a rate
    that drops is a real slowdown, not a change of source type.
    """
    from modelsearch.backends import get_search_backends_with_name

    started = timezone.now()
    replay_since = engine_indexes.replay_from()
    # Engines get a fresh index that searches do not read until the swap at the end (no gap
    # in answers, see ``search.engine_indexes``); the database backends are reset in place.
    fresh = {}
    if reset_engine:
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            if engine_indexes.is_engine(backend):
                fresh[name] = (backend, engine_indexes.fresh_index(backend))
            else:
                index = backend.get_index_for_model(SearchDocument)
                index.reset()
                index.add_model(SearchDocument)
    into = {name: index for name, (_backend, index) in fresh.items()}
    streams = [
        _Stream(builder, ContentType.objects.get_for_model(builder.model), count)
        for builder in builders()
        if _available(builder) and (count := builder.queryset().count())
    ]
    total = sum(stream.total for stream in streams)
    # Read once: averaging the index's titles after every chunk would slow the rebuild down
    # as the index grows (see ``indexing.write_postgres_entries``).
    title_average = indexing.title_length_average_if_postgres()
    # The ``updated_at`` each document got from this rebuild: the reconciliation after the
    # swap replays the other writes only (``engine_indexes.changed_during``).
    written = {}
    done, clock = 0, time.monotonic()
    # The fresh indexes are written in the background, one chunk ahead (``push_ahead``).
    with PushAhead() as ahead:
        while streams:
            stream = min(streams, key=lambda candidate: candidate.share_done)
            sources = stream.next_chunk(chunk_size)
            if stream.exhausted:
                streams.remove(stream)
                continue
            built = stream.builder.build_many(sources)
            pairs = [(obj, data) for obj, data in built if data is not None]
            if pairs:
                documents = indexing.store_many(stream.content_type, pairs, started)
                if fresh:
                    written.update((document.pk, document.updated_at) for document in documents)
                indexing.push(documents, title_average=title_average, into=into, ahead=ahead)
            done += len(sources)
            if on_progress:
                source = stream.builder.model_label
                on_progress(Progress(done, total, time.monotonic() - clock, source))
    for backend, index in fresh.values():
        engine_indexes.swap(backend, index)
    removed = _remove_orphans(started, chunk_size)
    for backend, _index in fresh.values():
        # Changes recorded during the rebuild went to the index searches read then.
        engine_indexes.reconcile(backend, changed_since=replay_since, written=written)
    return Progress(done, total, time.monotonic() - clock), removed


def _remove_orphans(started, chunk_size):
    """Documents the rebuild did not write: their source is gone or no longer searchable.
    By key, a chunk at a time (there may be many after a source type went away)."""
    orphans = SearchDocument.objects.filter(updated_at__lt=started).order_by("pk")
    removed, last_pk = 0, 0
    while True:
        documents = list(orphans.filter(pk__gt=last_pk)[:chunk_size])
        if not documents:
            return removed
        last_pk = documents[-1].pk
        indexing.remove(documents)
        deleted, _ = SearchDocument.objects.filter(pk__in=[d.pk for d in documents]).delete()
        removed += deleted


def _available(builder):
    try:
        builder.model  # noqa: B018  (the source app may not be installed)
    except LookupError:
        return False
    return True
