"""What engines answer is typed: every count is an ``int`` whatever the engine or the
database driver gave (PostgreSQL's ``SUM`` is a ``numeric``), and the facet rule is stated
once (``search.engines.facets.counted_under``)."""

from decimal import Decimal

import pytest
from modelsearch.backends import get_search_backend

from search.analysis.queries import parse
from search.engines import EngineResult, FacetBucket, FallbackEngine, SearchRequest, engine_for
from search.engines.facets import counted_under
from search.engines.results import page_documents
from search.models import PUBLIC
from tests.factories.search import make_document


def test_a_facet_count_is_an_int_even_when_the_driver_gives_a_decimal():
    bucket = FacetBucket("education", "Éducation", Decimal("17"))
    assert bucket.count == 17 and type(bucket.count) is int
    assert bucket == ("education", "Éducation", 17)  # still read as a tuple


def test_a_fractional_count_is_refused():
    with pytest.raises(TypeError):
        FacetBucket("education", "Éducation", 17.5)


def test_an_engine_result_makes_its_total_and_every_count_an_int():
    result = EngineResult([], 17.0, {"kind": [("actualite", "Actualité", Decimal("3"))]})
    assert type(result.total) is int
    assert [type(bucket.count) for bucket in result.facets["kind"]] == [int]


def test_each_facet_counts_under_every_selected_filter_but_its_own():
    selected = {"kind": "kind filter", "theme": "theme filter", "year": "year filter"}
    assert counted_under(selected, "theme") == ["kind filter", "year filter"]
    assert counted_under(selected, "territory") == list(selected.values())


def test_the_total_and_the_page_obey_every_selected_filter():
    assert counted_under({"kind": "k", "theme": "t"}) == ["k", "t"]


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["", "formation"], ids=["without words", "with words"])
@pytest.mark.parametrize("fallback", [False, True], ids=["engine", "fallback"])
def test_every_database_engine_counts_in_ints(q, fallback):
    for n in range(3):
        make_document(
            f"Formation {n}",
            "Une formation.",
            themes=[("education", "Éducation")],
            territories=[("31", "Haute-Garonne")],
            space_id=7 if n else None,
            space_name="Réseau VRL" if n else "",
        )
    engine = FallbackEngine() if fallback else engine_for(get_search_backend())
    result = engine.search(SearchRequest(audience=frozenset({PUBLIC}), plan=parse(q)))
    assert type(result.total) is int and result.total == 3
    counts = [bucket.count for buckets in result.facets.values() for bucket in buckets]
    assert counts and all(type(count) is int for count in counts)


@pytest.mark.django_db
def test_the_page_documents_come_in_the_engine_s_order_in_one_query(django_assert_num_queries):
    first = make_document("Premier", space_id=7, space_name="Réseau VRL", index=False)
    second = make_document("Second", index=False)
    with django_assert_num_queries(1):
        page = page_documents([second.pk, first.pk])
    assert [document.title for document in page] == ["Second", "Premier"]
    assert page[1].space_name == "Réseau VRL" and page[1].date == first.date
    assert page[1].pk == first.pk and page[1].object_id == first.object_id


@pytest.mark.django_db
def test_page_documents_of_any_size_read_each_their_own_documents():
    documents = [make_document(f"Document {n}", index=False) for n in range(3)]
    for size in (1, 3, 2, 3):  # each size compiled once, then its SQL reused
        pks = [document.pk for document in reversed(documents[:size])]
        assert [document.pk for document in page_documents(pks)] == pks


@pytest.mark.django_db
def test_a_page_document_named_twice_comes_once():
    first, second = make_document("Un", index=False), make_document("Deux", index=False)
    page = page_documents([first.pk, second.pk, first.pk])
    assert [document.title for document in page] == ["Un", "Deux"]


@pytest.mark.django_db
def test_a_page_document_deleted_since_the_engine_answered_is_left_out():
    kept, gone = make_document("Gardé", index=False), make_document("Supprimé", index=False)
    pks = [gone.pk, kept.pk]
    gone.delete()
    assert [document.title for document in page_documents(pks)] == ["Gardé"]


@pytest.mark.django_db
def test_an_empty_page_needs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert page_documents([]) == []
