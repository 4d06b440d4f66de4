"""Wagtail's own indexes on an engine: what the admin's search reads.

Pages, images, documents, users and snippets are indexed by Wagtail (modelsearch) itself, for
the admin's search boxes, apart from the portal's search documents (``search.engine_indexes``).
On the database backends they are tables that always exist. On Elasticsearch and OpenSearch
they are indexes that exist only once built: before, every admin search asked a missing index
and answered 500 until someone thought of ``update_index``. Three rules here:

- ``rebuild`` builds them all, each behind its alias (modelsearch's atomic rebuilder: the
  admin keeps reading the old index until the swap); ``manage.py search_rebuild`` runs it
  after the portal's documents, so one command leaves every search working.
- ``ensure`` creates a missing index with its mapping before a write reaches it: otherwise
  the engine would create it from the first document with guessed field types, and the
  admin's filters would fail on it.
- Wagtail's signal handlers write each change straight to the engine and only log a failure.
  The engine backends (``AdminIndexWritesMixin``) record such a change in the outbox
  (``search.sync``) before letting it fail, and the outbox replays every change of a model
  that has its own index (``replay``): ``search_resync`` brings the admin's search back in
  line after an outage, like the portal's.
"""

import logging
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from modelsearch.index import class_is_indexed, get_indexed_models

from search import engine_indexes
from search.engines import EngineUnavailable
from search.models import SearchDocument

logger = logging.getLogger(__name__)

#: Objects read and written per request while rebuilding.
REBUILD_CHUNK = 500


def has_own_index(model):
    """Whether Wagtail indexes ``model`` itself (the portal's documents are not its business)."""
    model = model._meta.concrete_model
    return class_is_indexed(model) and not issubclass(model, SearchDocument)


def root_model(model):
    """The top of ``model``'s indexed ancestry (``Page`` for every page type): changes are
    recorded under it, so that a page change and an admin replay share the outbox's rows."""
    model = model._meta.concrete_model
    for ancestor in reversed(model._meta.get_parent_list()):
        if class_is_indexed(ancestor):
            return ancestor
    return model


def _engines():
    from search.indexing import write_backends

    return [
        (name, backend) for name, backend in write_backends() if engine_indexes.is_engine(backend)
    ]


def _models_by_index(backend):
    grouped = defaultdict(list)
    indexes = {}
    for model in get_indexed_models():
        if not has_own_index(model):
            continue
        index = backend.get_index_for_model(model)
        indexes[index.name] = index
        grouped[index.name].append(model)
    return [(indexes[name], models) for name, models in grouped.items()]


# --- building -------------------------------------------------------------------------------


def rebuild(on_model=None):
    """Rebuild every admin index of every engine, each into a new index swapped in at the
    end. Returns the number of objects written. ``on_model(label, count)`` reports progress."""
    written = 0
    for _name, backend in _engines():
        for alias, models in _models_by_index(backend):
            rebuilder = backend.atomic_rebuilder_class(alias)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            for model in models:
                count = _fill(index, model)
                written += count
                if on_model:
                    on_model(model._meta.label, count)
            rebuilder.finish()
            _ensured.add(_key(backend, alias.name))
    return written


def _is_polymorphic(model):
    """Page types: rows of one table (``Page``) each belonging to one specific type."""
    return hasattr(model, "specific_class")


def _fill(index, model):
    """Write ``model``'s indexed objects, read by key (never OFFSET)."""
    queryset = model.get_indexed_objects().order_by("pk")
    if _is_polymorphic(model):
        # Each page written once, as its own type (with its own fields), not also as ``Page``.
        queryset = queryset.filter(content_type=ContentType.objects.get_for_model(model))
    count, last = 0, None
    while True:
        chunk = queryset if last is None else queryset.filter(pk__gt=last)
        objects = list(chunk[:REBUILD_CHUNK])
        if not objects:
            return count
        index.add_items(model, objects)
        count += len(objects)
        last = objects[-1].pk


# Admin index names known to exist in this process (checked once, then trusted, like the
# documents' index in ``engine_indexes``).
_ensured = set()


def _key(backend, name):
    return (repr(backend.hosts), name)


def ensure(backend, model):
    """Create ``model``'s index, with the mapping of every model sharing it, if missing."""
    index = backend.get_index_for_model(model)
    key = _key(backend, index.name)
    if key in _ensured:
        return
    if not backend.es.indices.exists(index=index.name):
        index.put()
        for shared_model, in_index in (
            (candidate, backend.get_index_for_model(candidate).name)
            for candidate in get_indexed_models()
            if has_own_index(candidate)
        ):
            if in_index == index.name:
                index.add_model(shared_model)
        logger.info("Admin search index %s created (it was missing)", index.name)
    _ensured.add(key)


# --- outages --------------------------------------------------------------------------------


def record_failed_write(model, pks, deleted=False):
    """A write of Wagtail's to an engine failed: keep it in the outbox for ``search_resync``
    (never raises: the caller is failing already, and the source's save must go on)."""
    from search.models import IndexChange

    try:
        content_type = ContentType.objects.get_for_model(root_model(model))
        action = IndexChange.Action.DELETE if deleted else IndexChange.Action.UPSERT
        IndexChange.objects.bulk_create(
            [IndexChange(content_type=content_type, object_id=str(pk), action=action) for pk in pks]
        )
    except Exception:
        logger.exception("Could not record the failed admin index write of %s %s", model, pks)


def replay(model, object_ids):
    """Write the objects of ``object_ids`` (of ``model`` or its subclasses) again into their
    own index in every engine, as they are now; delete from it those gone or no longer
    indexed. Raises ``EngineUnavailable`` when an engine does not answer (the outbox keeps
    the change)."""
    if not has_own_index(model) or not object_ids:
        return
    engines = _engines()
    if not engines:
        return
    root = root_model(model)
    found, by_model = set(), defaultdict(list)
    # Page types: one query per type present, each with its own indexed queryset.
    if _is_polymorphic(root):
        types = root.objects.filter(pk__in=object_ids).values_list("pk", "content_type_id")
        pks_by_type = defaultdict(list)
        for pk, content_type_id in types:
            pks_by_type[content_type_id].append(pk)
        for content_type_id, pks in pks_by_type.items():
            specific = ContentType.objects.get_for_id(content_type_id).model_class() or root
            by_model[specific] = list(specific.get_indexed_objects().filter(pk__in=pks))
    else:
        by_model[root] = list(root.get_indexed_objects().filter(pk__in=object_ids))
    for objects in by_model.values():
        found.update(str(obj.pk) for obj in objects)
    gone = [pk for pk in map(str, object_ids) if pk not in found]
    for name, backend in engines:
        try:
            for specific, objects in by_model.items():
                if objects:
                    ensure(backend, specific)
                    backend.get_index_for_model(specific).add_items(specific, objects)
            if gone:
                index = backend.get_index_for_model(root)
                actions = [{"_op_type": "delete", "_index": index.name, "_id": pk} for pk in gone]
                backend.bulk(backend.es, actions, raise_on_error=False)
        except Exception as error:
            raise EngineUnavailable(f"{name}: {error}") from error


class AdminIndexWritesMixin:
    """For the engine backends: Wagtail's writes to its own indexes create a missing index
    first, and a write that fails is recorded in the outbox before it fails (Wagtail logs it
    and lets the save go on; ``search_resync`` replays it)."""

    def add(self, obj):
        if not has_own_index(type(obj)):
            return super().add(obj)
        try:
            ensure(self, type(obj))
            return super().add(obj)
        except Exception:
            record_failed_write(type(obj), [obj.pk])
            raise

    def add_bulk(self, model, obj_list):
        if not has_own_index(model):
            return super().add_bulk(model, obj_list)
        try:
            ensure(self, model)
            return super().add_bulk(model, obj_list)
        except Exception:
            record_failed_write(model, [obj.pk for obj in obj_list])
            raise

    def delete(self, obj):
        if not has_own_index(type(obj)):
            return super().delete(obj)
        try:
            return super().delete(obj)
        except Exception:
            record_failed_write(type(obj), [obj.pk], deleted=True)
            raise
