"""Writing search documents and pushing them to the engines.

``store`` writes the denormalised row and its facet values (the database is the source of
truth for what the engines hold); ``push`` and ``remove`` talk to every configured engine and
raise ``EngineUnavailable`` when one does not answer, so that the outbox keeps the change.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import prefetch_related_objects
from modelsearch.backends import get_search_backends_with_name

from search import engine_indexes
from search.backends.database import search_config_for
from search.backends.modelsearch_adapter import prepared_texts, vector_weight
from search.engines import EngineUnavailable
from search.models import DocumentEntry, FacetValue, SearchDocument


@dataclass
class DocumentData:
    """What a document builder says about one source object."""

    kind: str
    title: str
    url: str
    audience: str
    body: str = ""
    date: object = None
    space_id: int | None = None
    space_name: str = ""
    # When it may be found (``search.models.readable_now``): a page's go-live and expiry.
    visible_from: object = None
    visible_until: object = None
    themes: list = field(default_factory=list)  # [(slug, name)]
    territories: list = field(default_factory=list)  # [(slug, name)]


def store(content_type, object_id, data):
    """Create or update the document of one source, with its facet values."""
    with transaction.atomic():
        document, _ = SearchDocument.objects.update_or_create(
            content_type=content_type,
            object_id=str(object_id),
            defaults={
                "kind": data.kind,
                "title": data.title[:500],
                "body": data.body,
                "url": data.url[:500],
                "date": data.date,
                "audience": data.audience,
                "space_id": data.space_id,
                "space_name": data.space_name[:200],
                "visible_from": data.visible_from,
                "visible_until": data.visible_until,
                "themes": _slugs(data.themes),
                "territories": _slugs(data.territories),
            },
        )
        document.facet_values.all().delete()
        FacetValue.objects.bulk_create(
            [
                FacetValue(document=document, facet=facet, slug=slug[:150], name=name[:200])
                for facet, values in (
                    (FacetValue.Facet.THEME, data.themes),
                    (FacetValue.Facet.TERRITORY, data.territories),
                )
                for slug, name in dict(values).items()
            ]
        )
    return document


DOCUMENT_FIELDS = ["kind", "title", "body", "url", "date", "year", "audience", "space_id"]
DOCUMENT_FIELDS += ["space_name", "visible_from", "visible_until", "themes", "territories"]
DOCUMENT_FIELDS += ["updated_at"]


def _slugs(values):
    """The slugs of ``[(slug, name)]`` as the facet values store them (truncated, once)."""
    return [slug[:150] for slug in dict(values)]


def _facet_rows(document, data):
    return [
        FacetValue(document_id=document.pk, facet=facet, slug=slug[:150], name=name[:200])
        for facet, values in (
            (FacetValue.Facet.THEME, data.themes),
            (FacetValue.Facet.TERRITORY, data.territories),
        )
        for slug, name in dict(values).items()
    ]


def store_many(content_type, pairs, now):
    """Create or update the documents of many sources of one type: ``pairs`` is
    ``[(source, DocumentData)]``. Three statements whatever their number: one upsert
    (``INSERT … ON CONFLICT (content_type, object_id) DO UPDATE``), one delete and one insert
    of facet values. Returns the documents, with their primary keys."""
    documents, facet_values = [], []
    for source, data in pairs:
        documents.append(
            SearchDocument(
                content_type=content_type,
                object_id=str(source.pk),
                kind=data.kind,
                title=data.title[:500],
                body=data.body,
                url=data.url[:500],
                date=data.date,
                year=data.date.year if data.date else None,
                audience=data.audience,
                space_id=data.space_id,
                space_name=data.space_name[:200],
                visible_from=data.visible_from,
                visible_until=data.visible_until,
                themes=_slugs(data.themes),
                territories=_slugs(data.territories),
                updated_at=now,
            )
        )
    with transaction.atomic():
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=DOCUMENT_FIELDS,
        )
        if not all(document.pk for document in documents):  # databases without RETURNING
            keys = SearchDocument.objects.filter(
                content_type=content_type, object_id__in=[d.object_id for d in documents]
            ).values_list("object_id", "pk")
            by_id = dict(keys)
            for document in documents:
                document.pk = by_id[document.object_id]
        FacetValue.objects.filter(document__in=[document.pk for document in documents]).delete()
        for document, (_source, data) in zip(documents, pairs, strict=True):
            facet_values.extend(_facet_rows(document, data))
        FacetValue.objects.bulk_create(facet_values, batch_size=1000)
    return documents


# The backends written to, built once per process and configuration, declared here:
# modelsearch's ``get_search_backends_with_name`` builds new ones (and new engine clients, each
# with its connection pool) at every call, i.e. for every batch the worker applies.
_write_backends = {}


def _backends():
    key = repr(settings.WAGTAILSEARCH_BACKENDS)
    backends = _write_backends.get(key)
    if backends is None:
        _write_backends.clear()  # only the current configuration is worth keeping
        backends = _write_backends[key] = list(get_search_backends_with_name(with_auto_update=True))
    return backends


def write_backends():
    """The configured backends with automatic updates, as ``(name, backend)``, built once per
    configuration (``search.admin_indexes`` writes Wagtail's own indexes through them)."""
    return _backends()


def _is_postgres_backend(backend):
    if connections[router.db_for_write(SearchDocument)].vendor != "postgresql":
        return False
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


READ_FROM_INDEX = object()


def push(documents, title_average=READ_FROM_INDEX, into=None, ahead=None):
    """Index ``documents`` (SearchDocument rows) in every engine.

    ``title_average``: the average title length (in lexemes) the PostgreSQL backend
    normalises title ranks with; ``rebuild`` reads it once for all its chunks
    (``title_length_average_if_postgres``), otherwise it is read from the index at each push
    (see ``write_postgres_entries``).
    ``into``: ``{backend name: index}`` to write somewhere else than the index searches read
    (a rebuild filling a fresh index before the swap, see ``search.engine_indexes``).
    ``ahead``: a ``search.push_ahead.PushAhead`` that sends the writes into those indexes in
    the background (the database backends are always written here, in the caller's
    transaction and connection).
    """
    documents = list(documents)
    if not documents:
        return
    # Read here, in the caller's thread: the background writer must not touch the database.
    prefetch_related_objects(documents, "facet_values")
    for name, backend in _backends():
        index = (into or {}).get(name)
        if ahead is not None and index is not None:
            ahead.submit(push_to, backend, documents, title_average, index=index, name=name)
        else:
            push_to(backend, documents, title_average, index=index, name=name)


def push_to(backend, documents, title_average=READ_FROM_INDEX, index=None, name=""):
    """``push`` for one backend (``index``: a concrete engine index to write to)."""
    # theme_slugs, labels_text & co. read the facet values: one query for all documents
    # (a no-op when already fetched for another backend).
    prefetch_related_objects(documents, "facet_values")
    try:
        if _is_postgres_backend(backend):
            write_postgres_entries(backend, documents, title_average)
        elif index is not None:
            index.add_items(SearchDocument, documents)
        else:
            if engine_indexes.is_engine(backend):
                engine_indexes.ensure(backend)
            backend.add_bulk(SearchDocument, documents)
    except Exception as error:  # connection, timeout, cluster or database error
        raise EngineUnavailable(f"{name or type(backend).__name__}: {error}") from error


# --- the PostgreSQL index entries, written in one statement ---------------------------------


def title_length_average_if_postgres():
    """``title_length_average()`` when a PostgreSQL backend is configured, else ``None``."""
    if any(_is_postgres_backend(backend) for _name, backend in _backends()):
        return title_length_average()
    return None


def title_length_average(using=None):
    """Average title length of the documents' index entries (``None`` when the index is
    empty): the ``lavg`` of modelsearch's title normalisation. One scan of the titles."""
    connection = connections[using or router.db_for_write(DocumentEntry)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT AVG(length(title)) FROM {DocumentEntry._meta.db_table} WHERE length(title) > 0"
        )
        return cursor.fetchone()[0]


def _column_slots(backend):
    """Where each search field of SearchDocument goes in modelsearch's index entry, as
    ``[(column, weight, config)]`` in field order (what ``ObjectIndexer`` does per object),
    or ``None`` when a field kind needs modelsearch's own writer (related fields)."""
    from modelsearch.index import AutocompleteField, FilterField, SearchField

    # The configuration modelsearch's writer uses for this model (``portal_simple``: our
    # terms are stemmed already, see ``search.backends.postgres``).
    config = search_config_for(backend, SearchDocument)
    slots = []
    for search_field in SearchDocument.get_search_fields():
        if isinstance(search_field, SearchField):
            column = "title" if search_field.field_name == "title" else "body"
            slots.append((column, vector_weight(search_field.boost), config))
        elif isinstance(search_field, AutocompleteField):
            slots.append(("autocomplete", "D", backend.autocomplete_config))
        elif not isinstance(search_field, FilterField):
            return None
    return slots


def _vector_sql(slots, column, params):
    """``setweight(to_tsvector(config, text), weight) || …`` over the column's slots: the SQL
    of modelsearch's ``ObjectIndexer.as_vector`` (empty texts give empty vectors, which
    concatenate to what leaving them out gives)."""
    parts = []
    for number, (slot_column, weight, config) in enumerate(slots):
        if slot_column == column:
            params[f"config_{number}"] = config
            parts.append(
                f"setweight(to_tsvector(%(config_{number})s::regconfig, s{number}), '{weight}')"
            )
    return " || ".join(parts) if parts else "to_tsvector('')"


#: The document columns each entry carries (``DocumentEntry``), in the writer's order.
ENTRY_COLUMNS = (
    "audience",
    "kind",
    "year",
    "date",
    "space_id",
    "space_name",
    "visible_from",
    "visible_until",
    "themes",
    "territories",
)
_ENTRY_TYPES = {
    "year": "smallint",
    "date": "timestamptz",
    "space_id": "bigint",
    "visible_from": "timestamptz",
    "visible_until": "timestamptz",
}


def write_postgres_entries(backend, documents, title_average=READ_FROM_INDEX):
    """The documents' entries (``DocumentEntry``: the vectors modelsearch's
    ``PostgresIndex.add_items`` would compute, and the document columns a search reads) in
    one short statement whose texts travel as arrays (``unnest``), each document analysed
    once.

    modelsearch builds one Django expression per text and document (compiling them costs more
    than the analysis), analyses each field five times, inserts ``title_norm = 1.0`` and then,
    after every batch, averages the title length over the *whole* index table to update the
    new rows: a cost that grows with the index, so a rebuild slows down as it goes. Here
    ``title_norm = lavg / length(title)`` is written directly, ``lavg`` being
    ``title_average`` (see ``title_length_average``) or the batch's own average when the index
    has none yet. Values come from modelsearch (``ObjectIndexer.prepare_field``), weights
    from its boosts; ``tests/search/test_rebuild_postgres.py`` checks that both compute the
    same vectors.
    """
    slots = _column_slots(backend)
    if slots is None:
        raise ValueError("SearchDocument has a search field our PostgreSQL writer cannot write.")
    connection = connections[router.db_for_write(DocumentEntry)]
    if title_average is READ_FROM_INDEX:
        title_average = title_length_average(connection.alias)
    search_fields = [f for f in SearchDocument.get_search_fields() if _is_slot(f)]
    texts = [[] for _ in slots]
    for document in documents:
        for number, value in enumerate(prepared_texts(backend, document, search_fields)):
            texts[number].append(value.strip())
    params = {
        "ids": [document.pk for document in documents],
        "title_average": title_average,
        **{f"s{number}": values for number, values in enumerate(texts)},
        **{
            column: [
                DocumentEntry.joined_slugs(getattr(document, column))
                if column in ("themes", "territories")
                else getattr(document, column)
                for document in documents
            ]
            for column in ENTRY_COLUMNS
        },
    }
    column_arrays = ", ".join(
        f"%({column})s::{_ENTRY_TYPES.get(column, 'text')}[]" for column in ENTRY_COLUMNS
    )
    slot_arrays = ", ".join(f"%(s{number})s::text[]" for number in range(len(slots)))
    slot_names = ", ".join(f"s{number}" for number in range(len(slots)))
    columns = ", ".join(ENTRY_COLUMNS)
    updates = ",\n".join(
        f"{column} = EXCLUDED.{column}"
        for column in (*ENTRY_COLUMNS, "title", "title_norm", "autocomplete", "body")
    )
    statement = f"""
        WITH new AS (
            SELECT * FROM unnest(%(ids)s::bigint[], {column_arrays}, {slot_arrays})
                AS t(document_id, {columns}, {slot_names})
        ), vectors AS (
            SELECT document_id, {columns},
                {_vector_sql(slots, "title", params)} AS title,
                {_vector_sql(slots, "autocomplete", params)} AS autocomplete,
                {_vector_sql(slots, "body", params)} AS body
            FROM new
        )
        INSERT INTO {DocumentEntry._meta.db_table}
            (document_id, {columns}, title, autocomplete, body, title_norm)
        SELECT document_id, {columns}, title, autocomplete, body,
            COALESCE(
                COALESCE(%(title_average)s::float8, AVG(NULLIF(length(title), 0)) OVER ())
                / NULLIF(length(title), 0),
                1.0
            )
        FROM vectors
        ON CONFLICT (document_id) DO UPDATE SET {updates}
    """
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _is_slot(field):
    from modelsearch.index import FilterField

    return not isinstance(field, FilterField)


def remove(documents):
    """Remove ``documents`` from every engine (before the rows themselves are deleted). On
    PostgreSQL, their index entries go in one statement."""
    documents = list(documents)
    if not documents:
        return
    remove_from_database_indexes(documents)
    remove_from_engines([document.pk for document in documents])


def has_engine():
    """Whether a search engine (Elasticsearch, OpenSearch) is among the backends."""
    return any(engine_indexes.is_engine(backend) for _name, backend in _backends())


def remove_from_database_indexes(documents):
    """The database backends' index entries of ``documents`` (same database, same
    transaction as the caller: nothing here can be unavailable on its own)."""
    for _name, backend in _backends():
        if _is_postgres_backend(backend):
            _delete_postgres_entries(documents)
        elif not engine_indexes.is_engine(backend):
            for document in documents:
                backend.delete(document)


def remove_from_engines(ids):
    """Delete the documents of ``ids`` from every engine (their rows may be gone already:
    only the ids are needed)."""
    if not ids:
        return
    for name, backend in _backends():
        if not engine_indexes.is_engine(backend):
            continue
        try:
            engine_indexes.delete_ids(backend, ids)
        except Exception as error:
            raise EngineUnavailable(f"{name}: {error}") from error


def _delete_postgres_entries(documents):
    ids = [document.pk for document in documents]
    for start in range(0, len(ids), 1000):
        DocumentEntry.objects.filter(pk__in=ids[start : start + 1000])._raw_delete(
            using=router.db_for_write(DocumentEntry)
        )
