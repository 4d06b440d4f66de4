"""Request bodies the Elasticsearch engine sends, built offline from modelsearch's compiler."""

import datetime
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelsearch.backends import get_search_backend

from search.analysis.queries import parse
from search.engines import DATE, FACETS, RELEVANCE, ElasticsearchEngine, Filters, SearchRequest
from search.engines.request import FACET_SIZE
from search.forms import clean_query_text
from search.models import Kind

AUDIENCE_COLUMN = "audience_filter"


@pytest.fixture(scope="module")
def engine():
    backend = get_search_backend(
        "search.backends.elasticsearch.Elasticsearch9SearchBackend",
        URLS=["http://localhost:9200"],
    )
    return ElasticsearchEngine(backend)


def _request(q="", audience=("public",), **kwargs):
    return SearchRequest(audience=frozenset(audience), plan=parse(q), **kwargs)


def _audience_filters(body):
    return [f for f in body["query"]["bool"]["filter"] if AUDIENCE_COLUMN in f.get("terms", {})]


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_audience_filter_is_a_terms_filter_of_the_query(engine):
    body = engine.body(_request("laïcité", audience=("public", "space:7", "staff")))
    assert _audience_filters(body) == [{"terms": {AUDIENCE_COLUMN: ["public", "space:7", "staff"]}}]


def test_request_without_audience_cannot_be_built():
    with pytest.raises(ValueError):
        SearchRequest(audience=frozenset(), plan=parse("laïcité"))
    with pytest.raises(ValueError):
        SearchRequest(audience=frozenset({""}), plan=parse("laïcité"))


def test_query_is_restricted_to_search_documents(engine):
    body = engine.body(_request("laïcité"))
    assert {"match": {"_django_content_type": "search.SearchDocument"}} in body["query"]["bool"][
        "filter"
    ]


def test_each_alternative_is_a_multi_match_over_the_boosted_fields(engine):
    body = engine.body(_request("laïcité"))
    match = body["query"]["bool"]["must"]["multi_match"]
    assert match["query"] == "laïcité"
    assert match["operator"] == "and"
    assert set(match["fields"]) == {
        "_all_text",
        "_all_text_boost_4_0^4.0",
        "_all_text_boost_2_0^2.0",
    }


def test_inclusive_and_abbreviation_clauses_are_ors_inside_an_and(engine):
    body = engine.body(_request("acteur·rice·s PRE"))
    clauses = body["query"]["bool"]["must"]["bool"]["must"]
    assert len(clauses) == 2
    first = [q["multi_match"]["query"] for q in clauses[0]["bool"]["should"]]
    second = [q["multi_match"]["query"] for q in clauses[1]["bool"]["should"]]
    assert first == ["acteurs", "actrices"]
    assert second == ["PRE", "programme de réussite éducative"]
    assert clauses[0]["bool"]["minimum_should_match"] == 1


def test_empty_query_matches_all_newest_first(engine):
    body = engine.body(_request(""))
    assert body["query"]["bool"]["must"] == {"match_all": {}}
    assert body["sort"][0] == {"date_filter": {"order": "desc", "missing": "_last"}}


def test_relevance_sort_breaks_ties_by_date_and_date_sort_ignores_score(engine):
    assert engine.body(_request("laïcité", sort=RELEVANCE))["sort"][0] == "_score"
    assert "_score" not in engine.body(_request("laïcité", sort=DATE))["sort"]


def test_pagination_is_from_and_size_with_exact_totals(engine):
    body = engine.body(_request("laïcité", offset=40, limit=20))
    assert (body["from"], body["size"], body["track_total_hits"]) == (40, 20, True)


def test_hits_bring_their_pk_from_doc_values_without_reading_stored_fields(engine):
    # Stored fields sit in compressed blocks with the whole _source: reading pk there
    # decompressed every hit's texts.
    for body in (
        engine.body(_request("laïcité")),
        engine.suggest_body(frozenset({"public"}), "laic", 8),
    ):
        assert body["docvalue_fields"] == ["pk"]
        assert body["stored_fields"] == ["_none_"] and body["_source"] is False


def test_facet_filters_go_to_post_filter_and_to_the_other_facets_aggregations(engine):
    filters = Filters(kind=(Kind.NEWS,), theme=("education",))
    body = engine.body(_request("laïcité", filters=filters))
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"kind_filter": ["actualite"]}},
                {"terms": {"theme_slugs_filter": ["education"]}},
            ]
        }
    }
    aggs = body["aggs"]
    assert set(aggs) == {"under_theme", "under_kind", "under_kind_theme"}
    assert aggs["under_theme"]["filter"]["bool"]["filter"] == [
        {"terms": {"theme_slugs_filter": ["education"]}}
    ]
    assert aggs["under_kind"]["filter"]["bool"]["filter"] == [
        {"terms": {"kind_filter": ["actualite"]}}
    ]
    assert set(aggs["under_theme"]["aggs"]) == {"kind"}
    assert set(aggs["under_kind"]["aggs"]) == {"theme"}
    assert aggs["under_kind_theme"]["aggs"]["year"] == {
        "terms": {"field": "year_filter", "size": FACET_SIZE}
    }


def test_facets_that_obey_the_same_filters_share_one_filter_aggregation(engine):
    body = engine.body(_request("laïcité", filters=Filters(kind=(Kind.NEWS,))))
    aggs = body["aggs"]
    # « kind » obeys no other filter: a plain terms aggregation; the four others obey the
    # kind and are counted under one filter of it, not four.
    assert aggs["kind"] == {"terms": {"field": "kind_filter", "size": FACET_SIZE}}
    assert set(aggs) == {"kind", "under_kind"}
    assert set(aggs["under_kind"]["aggs"]) == {"theme", "territory", "space", "year"}
    assert aggs["under_kind"]["filter"] == {
        "bool": {"filter": [{"terms": {"kind_filter": ["actualite"]}}]}
    }


def test_without_facet_filters_every_facet_is_a_plain_terms_aggregation(engine):
    aggs = engine.body(_request("laïcité"))["aggs"]
    assert set(aggs) == set(FACETS)
    assert all(set(agg) == {"terms"} for agg in aggs.values())


def test_facet_counts_are_read_from_the_top_and_from_each_group(engine):
    def buckets(*pairs):
        return {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}

    aggregations = {
        "kind": buckets(("actualite", 3), ("sujet", 2)),
        "under_kind": {
            "doc_count": 3,
            "theme": buckets(),
            "territory": buckets(),
            "space": buckets(),
            "year": buckets((2024, 3)),
        },
    }
    _documents, facets = engine._read_page({"hits": {"hits": []}, "aggregations": aggregations})
    assert [(b.value, b.count) for b in facets["kind"]] == [("actualite", 3), ("sujet", 2)]
    assert [(b.value, b.label, b.count) for b in facets["year"]] == [(2024, "2024", 3)]
    assert set(facets) == set(FACETS)


def test_date_range_filters_the_query_itself(engine):
    filters = Filters(date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 12, 31))
    body = engine.body(_request("", filters=filters))
    (date_range,) = [f for f in body["query"]["bool"]["filter"] if "range" in f]
    assert set(date_range["range"]["date_filter"]) == {"gte", "lt"}
    assert date_range["range"]["date_filter"]["lt"].startswith("2024-01-01")


def test_suggestions_query_carries_the_audience_filter(engine):
    query = engine.suggest_query(frozenset({"public", "space:3"}), "educ")
    assert {"terms": {AUDIENCE_COLUMN: ["public", "space:3"]}} in query["bool"]["filter"]
    assert query["bool"]["must"] == {"match": {"_edgengrams": {"query": "educ", "operator": "and"}}}


def test_a_restricted_token_reads_the_pages_under_its_section_by_prefix(engine):
    tokens = ("public", "restricted:00010002:", "space:7")
    body = engine.body(_request("laïcité", audience=tokens))
    (audience,) = [f for f in body["query"]["bool"]["filter"] if "audience_filter" in str(f)]
    assert audience == {
        "bool": {
            "should": [
                {"terms": {AUDIENCE_COLUMN: ["public", "space:7"]}},
                {"prefix": {AUDIENCE_COLUMN: "restricted:00010002:"}},
            ],
            "minimum_should_match": 1,
        }
    }


def _time_filters(query):
    return [f for f in query["bool"]["filter"] if "visible_" in json.dumps(f)]


def test_the_time_rule_filters_the_query_itself_so_counts_and_facets_obey_it(engine):
    now = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    body = engine.body(_request("laïcité", now=now))
    went_live, not_expired = _time_filters(body["query"])
    assert went_live["bool"]["should"][1] == {
        "range": {"visible_from_filter": {"lte": now.isoformat()}}
    }
    assert not_expired["bool"]["should"][1] == {
        "range": {"visible_until_filter": {"gt": now.isoformat()}}
    }
    # Either bound may be missing (most documents have none).
    assert went_live["bool"]["should"][0] == {
        "bool": {"must_not": {"exists": {"field": "visible_from_filter"}}}
    }
    assert "visible_" not in json.dumps(body.get("post_filter", {}))


def test_suggestions_query_carries_the_time_rule(engine):
    now = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    query = engine.suggest_query(frozenset({"public"}), "educ", now)
    assert _time_filters(query) == engine.time_filters(now)


# --- property: whatever the input, the audience filter is there -----------------------------

_FIXTURE_CHECK = [HealthCheck.function_scoped_fixture]  # the engine fixture is module-scoped

_tokens = st.one_of(
    st.just("public"),
    st.just("staff"),
    st.integers(min_value=1, max_value=10**9).map(lambda n: f"space:{n}"),
)
_slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
_filters = st.builds(
    Filters,
    kind=st.lists(st.sampled_from(Kind.values), max_size=3, unique=True).map(tuple),
    theme=st.lists(_slugs, max_size=3, unique=True).map(tuple),
    territory=st.lists(_slugs, max_size=3, unique=True).map(tuple),
    space=st.lists(st.integers(1, 10**6), max_size=3, unique=True).map(tuple),
    year=st.lists(st.integers(1990, 2100), max_size=3, unique=True).map(tuple),
    date_from=st.none() | st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)),
    date_to=st.none() | st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 1, 1)),
)
_queries = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            ["acteur·rice·s", "PRE", "l'insertion", "laïcité", '"', "*", "~", ":", "(", "]",
             "{", "^", "!", "\\", "/", "-", "élu·e·s", "PEP’S", "AND", "OR", "NOT", "·", "1.5"]
        ),
        max_size=30,
    ).map(" ".join),
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=_FIXTURE_CHECK)
@given(
    q=_queries,
    audience=st.frozensets(_tokens, min_size=1, max_size=25),
    filters=_filters,
    sort=st.sampled_from([RELEVANCE, DATE]),
    page=st.integers(1, 100),
    with_facets=st.booleans(),
)
def test_every_generated_query_carries_the_audience_filter(
    engine, q, audience, filters, sort, page, with_facets
):
    request = SearchRequest(
        audience=audience,
        plan=parse(clean_query_text(q)),
        filters=filters,
        sort=sort,
        offset=(page - 1) * 20,
        limit=20,
        with_facets=with_facets,
    )
    body = engine.body(request)
    assert _audience_filters(body) == [{"terms": {AUDIENCE_COLUMN: sorted(audience)}}]
    # Aggregations are scoped by the query unless they escape it with "global": they never do.
    assert not any("global" in node for node in _walk(body.get("aggs", {})))
    # The audience never depends on post_filter (which aggregations ignore).
    assert AUDIENCE_COLUMN not in json.dumps(body.get("post_filter", {}))
    json.dumps(body)  # serialisable as sent


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=_FIXTURE_CHECK)
@given(prefix=st.text(min_size=1, max_size=100), audience=st.frozensets(_tokens, min_size=1))
def test_every_suggestion_query_carries_the_audience_filter(engine, prefix, audience):
    query = engine.suggest_query(audience, prefix)
    assert {"terms": {AUDIENCE_COLUMN: sorted(audience)}} in query["bool"]["filter"]
