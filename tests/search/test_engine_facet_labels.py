"""The labels of an engine's facet counts are read in one query: the names of every
labelled facet (themes, territories) and the spaces' together, none for facets without
values (no cluster needed: the counts are what the engine would answer). A space is named by
one of its documents, which carry its audience token as the builders write them
(``search.documents``)."""

import pytest
from modelsearch.backends import get_search_backend

from search.engines import ElasticsearchEngine
from search.models import space_audience
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine():
    backend = get_search_backend(
        "search.backends.opensearch.OpenSearchSearchBackend", URLS=["http://localhost:9200"]
    )
    return ElasticsearchEngine(backend)


def test_theme_territory_and_space_labels_take_one_query(engine, django_assert_num_queries):
    make_document(
        "Fiche",
        themes=[("education", "Éducation"), ("laicite", "Laïcité")],
        territories=[("31", "Haute-Garonne")],
        audience=space_audience(7),
        space_id=7,
        space_name="Réseau VRL",
        index=False,
    )
    counts = {
        "theme": [("education", 3), ("laicite", 1)],
        "territory": [("31", 2)],
        "space": [(7, 4)],
        "kind": [("actualite", 4)],
    }
    with django_assert_num_queries(1):
        labels = engine.facets.labels(counts)
    assert labels["theme"] == {"education": "Éducation", "laicite": "Laïcité"}
    assert labels["territory"] == {"31": "Haute-Garonne"}
    assert labels["space"] == {7: "Réseau VRL"}


def test_facets_without_values_need_no_query(engine, django_assert_num_queries):
    with django_assert_num_queries(0):
        labels = engine.facets.labels({"kind": [("actualite", 4)], "year": [(2024, 4)]})
    assert labels["year"] == {2024: "2024"} and labels["theme"] == {}


def test_a_theme_slug_is_not_labelled_with_a_territory_of_the_same_slug(engine):
    make_document(
        "Fiche",
        themes=[("emploi", "Emploi")],
        territories=[("emploi", "Bassin d'emploi")],
        index=False,
    )
    labels = engine.facets.labels({"theme": [("emploi", 1)], "territory": [("emploi", 1)]})
    assert labels["theme"] == {"emploi": "Emploi"}
    assert labels["territory"] == {"emploi": "Bassin d'emploi"}


def test_a_value_without_a_name_keeps_no_label(engine):
    make_document(
        "Fiche",
        themes=[("education", "Éducation")],
        audience=space_audience(7),
        space_id=7,
        index=False,
    )
    labels = engine.facets.labels({"theme": [("gone", 1)], "space": [(7, 1), (8, 1)]})
    assert labels["theme"] == {}  # read() then shows the slug itself
    assert labels["space"] == {7: ""}


def test_only_spaces_or_only_slugs_need_one_query(engine, django_assert_num_queries):
    make_document(
        "Fiche",
        themes=[("education", "Éducation")],
        audience=space_audience(7),
        space_id=7,
        space_name="VRL",
    )
    with django_assert_num_queries(1):
        assert engine.facets.labels({"space": [(7, 1)]})["space"] == {7: "VRL"}
    with django_assert_num_queries(1):
        assert engine.facets.labels({"theme": [("education", 1)]})["theme"] == {
            "education": "Éducation"
        }


def test_each_space_is_named_by_one_of_its_own_documents(engine):
    # One probe per space through the audience index: the documents of space 7 name it,
    # those of space 8 name space 8, whatever else the table holds.
    for space_id, name in ((7, "Réseau VRL"), (8, "Réseau PRE")):
        for title in ("Fiche", "Compte rendu"):
            make_document(
                title,
                audience=space_audience(space_id),
                space_id=space_id,
                space_name=name,
                index=False,
            )
    make_document("Page publique", index=False)
    labels = engine.facets.labels({"space": [(8, 2), (7, 2)]})
    assert labels["space"] == {7: "Réseau VRL", 8: "Réseau PRE"}


def test_on_postgresql_the_label_statement_has_four_parameters_whatever_the_values():
    # psycopg keeps a statement's parsed form up to 50 parameters: 20 slugs and 10 spaces
    # must not make the statement parsed again at every search.
    from search.engines.facets import label_statement

    slugs = [("theme", f"theme-{n}") for n in range(20)]
    sql, params = label_statement(slugs, list(range(10)), "postgresql")
    assert len(params) == 4 and sql.count("%s") == 4
    assert params[2] == [space_audience(n) for n in range(10)]


def test_many_labels_are_read_whatever_the_database(engine):
    for n in range(30):
        make_document(
            f"Fiche {n}",
            themes=[(f"theme-{n}", f"Thème {n}")],
            audience=space_audience(n + 1),
            space_id=n + 1,
            space_name=f"Réseau {n}",
            index=False,
        )
    labels = engine.facets.labels(
        {"theme": [(f"theme-{n}", 1) for n in range(30)], "space": [(n + 1, 1) for n in range(30)]}
    )
    assert labels["theme"] == {f"theme-{n}": f"Thème {n}" for n in range(30)}
    assert labels["space"] == {n + 1: f"Réseau {n}" for n in range(30)}


def _response(pks, aggregations):
    """What the node answers (``HIT_FIELDS``: each hit's ``pk``)."""
    hits = [{"fields": {"pk": [str(pk)]}} for pk in pks]
    return {"hits": {"total": {"value": len(pks)}, "hits": hits}, "aggregations": aggregations}


def test_the_hits_documents_and_the_facet_labels_are_one_round_trip_on_postgresql(
    engine, monkeypatch, django_assert_num_queries
):
    from django.db import connection

    from search.analysis.queries import parse
    from search.engines import SearchRequest

    first = make_document("Formation", themes=[("education", "Éducation")], index=False)
    second = make_document("Laïcité", themes=[("laicite", "Laïcité")], index=False)
    aggregations = {
        "theme": {"buckets": [{"key": "laicite", "doc_count": 1}, {"key": "gone", "doc_count": 1}]}
    }
    answer = _response([second.pk, first.pk], aggregations)
    monkeypatch.setattr(engine, "_search", lambda body: answer)
    request = SearchRequest(audience=frozenset({"public"}), plan=parse("formation"))
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        result = engine.search(request)
    assert [document.title for document in result.documents] == ["Laïcité", "Formation"]
    assert result.facets["theme"] == [("laicite", "Laïcité", 1), ("gone", "gone", 1)]
    assert result.total == 2
