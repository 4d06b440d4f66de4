"""The PostgreSQL engine keeps what the ORM compiles of a matched set (``Narrowing``) per
audience tokens and filters, the time of the request passed as a parameter
(``PostgresEngine._narrowing``): a kept narrowing gives the statement built afresh, byte for
byte, at any time and for any caller; a different caller or filter is another narrowing.
PostgreSQL only: the other databases never run this SQL."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from search.analysis.queries import parse
from search.engines import Filters, PostgresEngine, SearchRequest, default_engine
from search.engines import postgres as postgres_engine
from search.engines.sql import narrowing
from search.models import PUBLIC, DocumentEntry, Kind, space_audience
from tests.factories.search import make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL engine's SQL"),
]


@pytest.fixture
def engine(monkeypatch):
    monkeypatch.setattr(postgres_engine, "NARROWINGS", postgres_engine.Memo(limit=1_000))
    engine = default_engine()
    assert isinstance(engine, PostgresEngine)
    return engine


def _request(audience=frozenset({PUBLIC}), now=None, **filters):
    return SearchRequest(
        audience=audience,
        plan=parse("laïcité"),
        filters=Filters(**filters),
        now=now or timezone.now(),
    )


def _fresh(engine, request):
    """The statement built and compiled afresh, at the request's own time, as before
    narrowings were kept."""
    from search.engines import postgres_ranking
    from search.engines.request import plan_to_query

    query = plan_to_query(request.plan, analysed=True, match=request.match)
    narrowed = engine._narrowed(request, request.filters.without_facets())
    columns = engine.facet_counts(request).columns
    return narrowing(narrowed, request.filters, columns).matched_sql(
        postgres_ranking.rank(query, engine.search_config),
        postgres_ranking.match(query, engine.search_config),
    )


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"kind": (Kind.NEWS, Kind.TOPIC), "theme": ("laicite",)},
        {"space": (3, 7), "year": (2023,), "date_from": datetime.date(2023, 1, 1)},
    ],
)
def test_a_kept_narrowing_gives_the_statement_built_afresh_at_any_time(engine, filters):
    audience = frozenset({PUBLIC, space_audience(3), space_audience(7)})
    first = _request(audience, **filters)
    assert engine._matched_set(first) == _fresh(engine, first)
    later = _request(audience, now=first.now + datetime.timedelta(hours=5), **filters)
    assert engine._matched_set(later) == _fresh(engine, later)
    assert len(postgres_engine.NARROWINGS) == 1


def test_the_rows_are_narrowed_once_per_audience_and_filters(engine, monkeypatch):
    built = []
    narrowed = PostgresEngine._narrowed

    def counting(self, request, filters):
        built.append(request.audience)
        return narrowed(self, request, filters)

    monkeypatch.setattr(PostgresEngine, "_narrowed", counting)
    member = frozenset({PUBLIC, space_audience(3)})
    for audience in (frozenset({PUBLIC}), member, frozenset({PUBLIC}), member):
        engine._matched_set(_request(audience))
    engine._matched_set(_request(member, kind=(Kind.NEWS,)))
    assert built == [frozenset({PUBLIC}), member, member]


def test_a_document_becomes_readable_at_its_time_through_a_kept_narrowing(engine):
    now = timezone.now()
    make_document("Laïcité au quotidien", visible_from=now + datetime.timedelta(hours=1))
    assert engine.search(_request(now=now)).total == 0
    assert engine.search(_request(now=now + datetime.timedelta(hours=2))).total == 1
    assert len(postgres_engine.NARROWINGS) == 1


def test_a_space_document_is_found_by_its_members_only_whatever_was_kept(engine):
    make_document("Laïcité : la fiche du réseau", audience=space_audience(3), space_id=3)
    assert engine.search(_request()).total == 0
    assert engine.search(_request(frozenset({PUBLIC, space_audience(3)}))).total == 1
    assert engine.search(_request()).total == 0


def test_a_narrowing_that_does_not_depend_on_the_time_it_was_built_at_is_refused():
    with pytest.raises(ValueError):
        narrowing(
            DocumentEntry.objects.filter(kind=Kind.NEWS),
            Filters(),
            at=postgres_engine.AT_PLACEHOLDER,
        )


def test_a_narrowing_built_at_a_time_needs_the_time_of_the_request(engine):
    kept = engine._narrowing(_request())
    with pytest.raises(ValueError):
        kept.matched_sql(("1", []), ("TRUE", []))
