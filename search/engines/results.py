"""What an engine answers: typed, so that a count is an integer whatever the engine or the
database driver returned (PostgreSQL's ``SUM`` is a ``numeric``, read as a ``Decimal``;
JSON floats such as ``17.0`` once reached the API that way); the page's documents as the
fields the service reads (``PageDocument``)."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from cms import compiled
from search.models import SearchDocument


def as_count(value):
    """``value`` as an ``int``; an integral ``Decimal`` or float is accepted (drivers), a
    fractional one is a bug and raises ``TypeError``."""
    if type(value) is int:  # what the engines give almost always: nothing to check
        return value
    if isinstance(value, bool) or value is None:
        raise TypeError(f"Not a count: {value!r}")
    count = int(value)
    if count != value:
        raise TypeError(f"Not a whole count: {value!r}")
    return count


class _Bucket(NamedTuple):
    value: object  # a kind, a slug, a year or a space id
    label: str
    count: int


class FacetBucket(_Bucket):
    """One value of a facet, its label and how many results have it. A tuple, so that
    ``value, label, count = bucket`` reads it; ``count`` is an ``int`` by construction."""

    __slots__ = ()

    def __new__(cls, value, label, count):
        return super().__new__(cls, value, label, as_count(count))


@dataclass
class EngineResult:
    documents: list
    total: int
    #: ``{facet: [FacetBucket]}``, each facet in the order people read it.
    facets: dict = field(default_factory=dict)

    def __post_init__(self):
        self.total = as_count(self.total)
        self.facets = {
            facet: [
                bucket if isinstance(bucket, FacetBucket) else FacetBucket(*bucket)
                for bucket in buckets
            ]
            for facet, buckets in self.facets.items()
        }


class PageDocument(NamedTuple):
    """A search document of the page, as the service reads it (the result's title, snippet,
    badge and link; ``search.threads`` for a topic's replies): its fields, read as a tuple.

    Not a ``SearchDocument``: building 20 model instances (every column, the slug arrays
    decoded from JSON) was ≈ 0.3 ms of a search's CPU (#16), for fields nobody reads."""

    pk: int
    content_type_id: int
    object_id: str
    kind: str
    title: str
    body: str
    url: str
    date: datetime.datetime | None
    audience: str
    space_id: int | None
    space_name: str


def page_documents(pks):
    """The documents of ``pks`` as ``PageDocument``, in that order; those deleted since the
    engine answered are left out. One query, none for an empty page."""
    (documents,) = compiled.read_together(page_documents_reading(pks))
    return documents


def page_documents_reading(pks):
    """``page_documents``, to be read with other statements (``compiled.read_together``).

    Asked on every search: its SQL is compiled once per number of documents (building and
    iterating the queryset was 0.67 of its 0.9 ms of CPU, #16)."""
    if not pks:
        return compiled.Reading(None, lambda _rows: [])
    unique = tuple(dict.fromkeys(pks))  # ``pk__in`` drops repeats from its parameters
    statement = compiled.Statement(
        f"search.page_documents:{len(unique)}", SearchDocument, _page_documents, unique
    )

    def in_order(rows):
        by_pk = {row[0]: PageDocument._make(row) for row in rows}
        return [by_pk[pk] for pk in unique if pk in by_pk]

    return compiled.Reading(statement, in_order)


def _page_documents(*pks):
    return SearchDocument.objects.filter(pk__in=pks).order_by().values_list(*PageDocument._fields)
