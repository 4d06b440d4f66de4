"""The search documents' index on Elasticsearch and OpenSearch: rebuilt behind an alias.

Searches always go to the name ``<prefix>search_searchdocument`` (modelsearch's index name for
``SearchDocument``). Once the portal has rebuilt it, that name is an *alias* of a concrete
index named ``<alias>_<suffix>``. A rebuild with ``--reset`` (new settings or mapping):

1. ``fresh_index`` creates a new concrete index with the current settings and mapping;
2. the rebuild writes every document into it, while searches keep reading the old one and
   ordinary changes (``search.sync``) keep going to the alias;
3. ``swap`` moves the alias in one ``_aliases`` request (remove + add are atomic there), then
   deletes the old index: no moment without an answer, never two indexes answering at once;
4. ``reconcile`` replays what changed during the rebuild (documents written after it began
   by anyone else than the rebuild, documents deleted meanwhile), since those changes went
   to the old index.

The first swap over a concrete index of that name (one created before aliases, by
``index.reset()``) has to delete it first: that one time has a short gap, said by ``swap``.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import connections, router
from django.utils import timezone
from django.utils.crypto import get_random_string
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from search.models import SearchDocument

logger = logging.getLogger(__name__)

#: Documents per page when listing an index's ids (``search_after`` on ``pk``).
ID_PAGE_SIZE = 5000

#: How long before a rebuild's start its reconciliation still replays writes (see
#: ``replay_from``). Covers a write stamped just before its transaction's first statement and
#: a few seconds of clock difference between application servers.
REPLAY_MARGIN = timedelta(seconds=10)


def is_engine(backend):
    return isinstance(backend, ElasticsearchBaseSearchBackend)


def _indices(backend):
    return backend.es.indices


def alias_of(backend):
    """The index object searches read (``backend.add_bulk`` and ``delete`` write to it)."""
    return backend.get_index_for_model(SearchDocument)


def fresh_index(backend):
    """A new, empty concrete index for the documents, with the backend's current settings
    and the documents' mapping; not yet searched."""
    alias = alias_of(backend)
    index = backend.index_class(backend, f"{alias.name}_{get_random_string(8).lower()}")
    index.put()
    index.add_model(SearchDocument)
    # Filled in bulk before anyone reads it: no periodic refresh until ``swap`` opens it (each
    # refresh cuts a small segment that merges then rewrite, slowing the fill down).
    _indices(backend).put_settings(index=index.name, body={"index": {"refresh_interval": "-1"}})
    return index


def _open_for_search(backend, index):
    """Give ``index`` the default refresh interval back and make everything written visible."""
    indices = _indices(backend)
    indices.put_settings(index=index.name, body={"index": {"refresh_interval": None}})
    indices.refresh(index=index.name)


# Index names known to exist in this process, declared here: checked once, then trusted (an
# index deleted by hand afterwards is recreated by the next ``search_rebuild --reset``).
_existing = set()


def ensure(backend):
    """Make sure the documents' index exists before anything is written to it: a document
    written to a missing index makes the engine create one with a guessed mapping (text
    instead of keywords), and every search then fails (« fielddata on kind_filter »).
    A missing index is created fresh, behind the alias, with the portal's mapping."""
    alias = alias_of(backend)
    key = (repr(backend.hosts), alias.name)
    if key in _existing:
        return
    if not _indices(backend).exists(index=alias.name):
        swap(backend, fresh_index(backend))
    _existing.add(key)


def _aliased_names(backend, name):
    indices = _indices(backend)
    if not indices.exists_alias(name=name):
        return []
    return sorted(indices.get_alias(name=name))


def swap(backend, new_index):
    """Point the alias at ``new_index`` atomically and delete the indexes it pointed to.
    Returns the names of the deleted indexes."""
    alias = alias_of(backend)
    indices = _indices(backend)
    old = _aliased_names(backend, alias.name)
    if not old and indices.exists(index=alias.name):
        # A concrete index holds the alias's name: it must go before the alias can exist.
        logger.warning("Index %s was not an alias: deleted before the swap", alias.name)
        indices.delete(index=alias.name)
        old_deleted = [alias.name]
    else:
        old_deleted = []
    _open_for_search(backend, new_index)
    actions = [{"remove": {"index": name, "alias": alias.name}} for name in old]
    actions.append({"add": {"index": new_index.name, "alias": alias.name}})
    indices.update_aliases(body={"actions": actions})
    for name in old:
        if name != new_index.name:
            indices.delete(index=name)
    return old_deleted + [name for name in old if name != new_index.name]


def refresh(backend):
    _indices(backend).refresh(index=alias_of(backend).name)


def document_ids(backend):
    """Every document id (``pk``) the engine holds, as strings, read by pages of
    ``ID_PAGE_SIZE`` sorted by ``pk`` (``search_after``: no deep paging, no scroll context).

    The id is read from the hit's sort value (doc values), not from a stored field: stored
    fields share their compressed blocks with the whole ``_source``, which each hit would
    decompress (``search.engines.elasticsearch.HIT_FIELDS`` says the same for searches)."""
    index_name = alias_of(backend).name
    ids, after = set(), None
    while True:
        body = {
            "query": {"match_all": {}},
            "size": ID_PAGE_SIZE,
            "sort": [{"pk": "asc"}],
            "_source": False,
            "stored_fields": ["_none_"],
        }
        if after is not None:
            body["search_after"] = after
        if backend.use_new_elasticsearch_api:
            response = backend.es.search(index=index_name, **body)
        else:
            response = backend.es.search(index=index_name, body=body)
        hits = response["hits"]["hits"]
        if not hits:
            return ids
        ids.update(str(hit["sort"][0]) for hit in hits)
        after = hits[-1]["sort"]


def replay_from():
    """The instant a rebuild starting now must replay writes from, after its swap.

    A write stamps ``updated_at`` (the application's clock) before its transaction commits. A
    rebuild starting in between reads the row as it was, and the write's own push may reach
    the old index just before the swap: replaying only what was stamped after the start would
    lose it. So the replay starts before the oldest transaction still open on the database
    (PostgreSQL tells when it began), and ``REPLAY_MARGIN`` earlier still. Sending a document
    again costs a little and changes nothing (same id, same body).
    """
    oldest = timezone.now()
    connection = connections[router.db_for_write(SearchDocument)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Client sessions only: autovacuum, which a rebuild's rewrites of the documents
            # start, holds a transaction for minutes and writes no document.
            cursor.execute(
                "SELECT min(xact_start) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND backend_type = 'client backend'"
            )
            (open_since,) = cursor.fetchone()
        if open_since is not None:
            oldest = min(oldest, open_since)
    return oldest - REPLAY_MARGIN


@dataclass
class Reconciliation:
    pushed: int = 0  # documents written again (changed during the rebuild)
    removed: int = 0  # ids the engine held without a document row


def changed_during(changed_since, written=None):
    """The ids of the documents written since ``changed_since`` by someone else than the
    rebuild: ``written`` maps each id the rebuild wrote to the ``updated_at`` it stamped
    (``updated_at`` is ``auto_now``, so the rebuild's own writes are later than its start
    too); a document still carrying that stamp went into the new index already. Without
    ``written``, every document written since ``changed_since``."""
    rows = SearchDocument.objects.filter(updated_at__gt=changed_since).order_by("pk")
    written = written or {}
    return [pk for pk, stamp in rows.values_list("pk", "updated_at") if written.get(pk) != stamp]


def reconcile(backend, changed_since, written=None):
    """After a swap: write again the documents changed since ``changed_since`` (apart from
    the rebuild's own writes, ``written``: see ``changed_during``) and delete from the
    engine the ids without a document row (deleted during the rebuild)."""
    from search import indexing

    report = Reconciliation()
    changed = changed_during(changed_since, written)
    for start in range(0, len(changed), 500):
        chunk = changed[start : start + 500]
        documents = list(SearchDocument.objects.filter(pk__in=chunk).order_by("pk"))
        if documents:
            indexing.push_to(backend, documents)
            report.pushed += len(documents)
    refresh(backend)
    held = document_ids(backend)
    stored, held_list = set(), sorted(held)
    for start in range(0, len(held_list), 5000):
        rows = SearchDocument.objects.filter(pk__in=held_list[start : start + 5000])
        stored.update(str(pk) for pk in rows.values_list("pk", flat=True))
    extra = held - stored
    if extra:
        delete_ids(backend, extra)
        report.removed = len(extra)
    return report


def delete_ids(backend, ids):
    """Delete documents by id in bulk requests (missing ids are not an error)."""
    index_name = alias_of(backend).name
    actions = [{"_op_type": "delete", "_index": index_name, "_id": str(pk)} for pk in ids]
    backend.bulk(backend.es, actions, raise_on_error=False)
