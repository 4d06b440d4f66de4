"""Writing search documents and pushing them to the engines.

``store`` writes the denormalised row and its facet values (the database is the source of
truth for what the engines hold); ``push`` and ``remove`` talk to every configured engine and
raise ``EngineUnavailable`` when one does not answer, so that the outbox keeps the change.
"""

from dataclasses import dataclass, field

from django.db import transaction
from modelsearch.backends import get_search_backends_with_name

from search.engines import EngineUnavailable
from search.models import FacetValue, SearchDocument


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


def _backends():
    return list(get_search_backends_with_name(with_auto_update=True))


def push(documents):
    """Index ``documents`` (SearchDocument rows) in every engine."""
    documents = list(documents)
    if not documents:
        return
    pks = [document.pk for document in documents]
    # Fresh rows with their facet values in one query (theme_slugs & co. read them).
    fresh = list(SearchDocument.objects.filter(pk__in=pks).prefetch_related("facet_values"))
    for name, backend in _backends():
        try:
            backend.add_bulk(SearchDocument, fresh)
        except Exception as error:  # connection, timeout, cluster or database error
            raise EngineUnavailable(f"{name}: {error}") from error


def remove(documents):
    """Remove ``documents`` from every engine (before the rows themselves are deleted)."""
    documents = list(documents)
    for name, backend in _backends():
        for document in documents:
            try:
                backend.delete(document)
            except Exception as error:
                raise EngineUnavailable(f"{name}: {error}") from error
