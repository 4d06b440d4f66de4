"""The engine's index rebuilt from the stored search documents, without building them again.

The document rows are what the engines must hold: every write of a source goes through its
row first (``search.sync``: the outbox stores the document, then pushes it; ``search_resync``
replays from the rows). When the rows are current, a new engine index can be filled from
them alone: ``search_rebuild --reset --from-documents``. That is the case after a change of
the engine's settings or mapping, on a new or emptied node, after a restore of the engine;
it is **not** the case after a change of what the documents say (a builder in
``search.documents``, the text pipeline in ``search.analysis``, a data migration of the
sources): those need the rebuild from the sources (``search_rebuild --reset``), which
recomputes and stores every document and fills the new index with them.

Same guarantees as the rebuild from the sources (``search.engine_indexes``): a fresh index
filled while searches read the old one, the alias swapped in one request, then the writes
made meanwhile by the outbox (to the old index) replayed and the documents deleted meanwhile
removed (``engine_indexes.reconcile``). Outbox changes still pending at the end are applied
afterwards to whatever index the alias names, as always.

Cost per document: one keyset read of its row and facet values (a chunk at a time, by
primary key, never OFFSET; no transaction held open), its engine document built by the
mapping (``get_document``, the one code that makes engine documents), serialised once into
the bytes of one ``_bulk`` request per chunk, sent by a background thread while the next
chunk is read and built (``search.push_ahead``).
"""

import time

from django.db.models import prefetch_related_objects

from search import engine_indexes, indexing
from search.engines import EngineUnavailable
from search.models import SearchDocument
from search.push_ahead import PushAhead
from search.sync import Progress

CHUNK = 500
#: What the progress reports name as the source of each chunk.
SOURCE = "search.SearchDocument"


def chunk_bounds(chunk_size=CHUNK):
    """``(after, last)`` primary-key bounds of consecutive chunks of ``chunk_size`` documents,
    read by key (only the keys: a few bytes per document)."""
    after = 0
    while True:
        keys = list(
            SearchDocument.objects.filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:chunk_size]
        )
        if not keys:
            return
        yield after, keys[-1]
        after = keys[-1]


def stored_documents(after, last):
    """The documents with ``after < pk <= last``, with their facet values (what the engine
    document reads: labels, theme and territory slugs)."""
    documents = list(SearchDocument.objects.filter(pk__gt=after, pk__lte=last).order_by("pk"))
    prefetch_related_objects(documents, "facet_values")
    return documents


def bulk_body(backend, index_name, documents):
    """The ``_bulk`` request that indexes ``documents`` into ``index_name``, as bytes: the
    mapping's documents, each serialised once by the client's own serializer (what
    modelsearch's ``add_items`` sends, with the index named in each action)."""
    mapping = backend.mapping_class(SearchDocument)
    dumps = backend.es.transport.serializer.dumps
    lines = []
    for document in documents:
        action = {"index": {"_index": index_name, "_id": mapping.get_document_id(document)}}
        lines.append(dumps(action))
        lines.append(dumps(mapping.get_document(document)))
    lines.append("")
    return "\n".join(lines).encode()


def send(backend, body, count, name=""):
    """Send one ``_bulk`` body; an engine that does not answer, or refuses a document, is
    ``EngineUnavailable`` (the rebuild stops, the old index keeps answering)."""
    try:
        response = backend.es.bulk(body=body)
    except Exception as error:  # connection, timeout, cluster error
        raise EngineUnavailable(f"{name or type(backend).__name__}: {error}") from error
    if response.get("errors"):
        failed = [
            item for item in response["items"] if next(iter(item.values())).get("status", 0) >= 300
        ]
        raise EngineUnavailable(
            f"{name or type(backend).__name__}: {len(failed)} of {count} documents refused, "
            f"first: {next(iter(failed[0].values())).get('error') if failed else '?'}"
        )


def reindex(backend, chunk_size=CHUNK, on_progress=None, name=""):
    """Fill a fresh index of ``backend`` from the stored documents, swap the alias to it,
    replay what changed meanwhile. Returns ``(Progress, Reconciliation)``."""
    replay_since = engine_indexes.replay_from()
    total = SearchDocument.objects.count()
    index = engine_indexes.fresh_index(backend)
    done, clock = 0, time.monotonic()
    with PushAhead() as ahead:
        for after, last in chunk_bounds(chunk_size):
            documents = stored_documents(after, last)
            body = bulk_body(backend, index.name, documents)
            ahead.submit(send, backend, body, len(documents), name=name)
            done += len(documents)
            if on_progress:
                on_progress(Progress(done, total, time.monotonic() - clock, SOURCE))
    engine_indexes.swap(backend, index)
    # Everything written since the start went to the old index (the outbox writes to the
    # alias) or may have been read before it changed: all of it is sent again.
    report = engine_indexes.reconcile(backend, changed_since=replay_since)
    return Progress(done, total, time.monotonic() - clock), report


def rebuild_engines(chunk_size=CHUNK, on_progress=None):
    """``reindex`` every configured engine; ``(Progress, Reconciliation)`` of the last one,
    ``None`` when no engine is configured (the database backends read the rows themselves)."""
    result = None
    for name, backend in indexing.write_backends():
        if engine_indexes.is_engine(backend):
            result = reindex(backend, chunk_size, on_progress, name=name)
    return result
