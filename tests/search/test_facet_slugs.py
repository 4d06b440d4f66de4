"""The slugs of a document's themes and territories are copied on its row (``themes``,
``territories``, which PostgreSQL counts facets from) by every writer, in step with its facet
values."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from search import indexing
from search.models import PUBLIC, FacetValue, Kind, SearchDocument

pytestmark = pytest.mark.django_db


def _data(themes, territories):
    return indexing.DocumentData(
        kind=Kind.NEWS,
        title="Un titre",
        url="/un/",
        audience=PUBLIC,
        themes=themes,
        territories=territories,
    )


def _from_facet_values(document):
    rows = FacetValue.objects.filter(document=document)
    return (
        sorted(rows.filter(facet=FacetValue.Facet.THEME).values_list("slug", flat=True)),
        sorted(rows.filter(facet=FacetValue.Facet.TERRITORY).values_list("slug", flat=True)),
    )


def _on_row(document):
    document = SearchDocument.objects.get(pk=document.pk)
    return sorted(document.themes), sorted(document.territories)


def test_store_copies_the_slugs_and_replaces_them_on_update():
    content_type = ContentType.objects.get_for_model(SearchDocument)
    first = _data([("education", "Éducation"), ("sante", "Santé")], [("lyon", "Lyon")])
    document = indexing.store(content_type, "a", first)
    assert _on_row(document) == _from_facet_values(document) == (["education", "sante"], ["lyon"])
    document = indexing.store(content_type, "a", _data([("emploi", "Emploi")], []))
    assert _on_row(document) == _from_facet_values(document) == (["emploi"], [])


def test_store_many_copies_the_slugs_and_replaces_them_on_update():
    content_type = ContentType.objects.get_for_model(SearchDocument)
    sources = [SearchDocument(pk=pk) for pk in (101, 102)]  # any object with a key will do
    pairs = [
        (sources[0], _data([("education", "Éducation")], [("lyon", "Lyon"), ("rhone", "Rhône")])),
        (sources[1], _data([], [])),
    ]
    documents = indexing.store_many(content_type, pairs, timezone.now())
    assert [_on_row(d) for d in documents] == [_from_facet_values(d) for d in documents]
    assert _on_row(documents[0]) == (["education"], ["lyon", "rhone"])
    pairs = [(sources[0], _data([], [])), (sources[1], _data([("sante", "Santé")], []))]
    documents = indexing.store_many(content_type, pairs, timezone.now())
    assert [_on_row(d) for d in documents] == [([], []), (["sante"], [])]
    assert [_from_facet_values(d) for d in documents] == [([], []), (["sante"], [])]
