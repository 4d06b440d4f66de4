"""The database engine's SQL: a search costs the same small number of queries whatever the
filters, the facets and the number of documents, and its one-statement facet counts agree
with counting each facet separately. Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelsearch.backends import get_search_backend

from extranet.forum.models import Topic
from search.analysis.queries import parse
from search.engines import (
    FACETS,
    DatabaseEngine,
    FallbackEngine,
    Filters,
    PostgresEngine,
    SearchRequest,
    engine_for,
)
from search.models import (
    PUBLIC,
    DocumentEntry,
    FacetValue,
    Kind,
    SearchDocument,
    readers_audience,
    space_audience,
)
from search.service import search
from tests.factories.extranet import SpaceFactory, make_member
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db

THEMES = [("education", "Éducation"), ("insertion", "Insertion"), ("laicite", "Laïcité")]
TERRITORIES = [("31", "Haute-Garonne"), ("34", "Hérault"), ("09", "Ariège")]
KINDS = [Kind.NEWS, Kind.EVENT, Kind.TOPIC, Kind.DOCUMENT]
YEARS = [2021, 2022, 2023]
SPACES = [(7, "Réseau PRE"), (8, "Réseau VRL")]


def _at(year, month=1):
    return timezone.make_aware(datetime.datetime(year, month, 1, 12))


def _make_corpus(count, offset=0):
    """``count`` documents saying « formation », spread over every facet value."""
    documents = []
    for n in range(offset, offset + count):
        space = SPACES[n % 2] if n % 3 == 0 else None
        documents.append(
            make_document(
                f"Formation n°{n}",
                "Une formation des acteur·rice·s de terrain.",
                kind=KINDS[n % len(KINDS)],
                date=_at(YEARS[n % len(YEARS)], 1 + n % 12),
                audience=space_audience(space[0]) if space else PUBLIC,
                space_id=space[0] if space else None,
                space_name=space[1] if space else "",
                themes=[THEMES[n % 3]] + ([THEMES[(n + 1) % 3]] if n % 2 else []),
                territories=[TERRITORIES[n % 3]],
            )
        )
    return documents


AUDIENCE = frozenset({PUBLIC, space_audience(7), space_audience(8)})
EVERY_FILTER = Filters(
    kind=(Kind.NEWS, Kind.TOPIC),
    theme=("education",),
    territory=("31", "34"),
    space=(7,),
    year=(2021, 2022),
    date_from=datetime.date(2021, 6, 1),
    date_to=datetime.date(2023, 12, 31),
)


def _request(q="formation", filters=None, audience=AUDIENCE, **kwargs):
    filters = filters or Filters()
    return SearchRequest(audience=audience, plan=parse(q), filters=filters, **kwargs)


def _engine():
    return engine_for(get_search_backend())


def _statements(captured):
    """SQL statements run, savepoints aside (the test's transaction makes the engine's own
    transaction a savepoint; in a request it is a plain transaction)."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def _queries(request):
    engine = _engine()
    with CaptureQueriesContext(connection) as captured:
        result = engine.search(request)
    return result, _statements(captured)


def _touching_documents(queries):
    """Statements reading the documents or (PostgreSQL) their index entries."""
    tables = (SearchDocument._meta.db_table, DocumentEntry._meta.db_table)
    return [sql for sql in queries if any(table in sql for table in tables)]


def test_the_configured_database_engine_is_the_one_measured():
    engine = _engine()
    assert isinstance(engine, DatabaseEngine) and not isinstance(engine, FallbackEngine)
    assert isinstance(engine, PostgresEngine) == (connection.vendor == "postgresql")


def test_a_search_with_facets_reads_the_documents_in_two_queries():
    _make_corpus(12)
    result, queries = _queries(_request())
    assert result.total == 12
    assert result.facets["kind"] and result.facets["theme"]
    # The page's ids, the total and all five facets in one statement, then the page.
    assert len(_touching_documents(queries)) == 2
    # PostgreSQL adds the statement time limit (set, and put back inside a test transaction).
    assert len(queries) == (4 if connection.vendor == "postgresql" else 2)


def test_selecting_every_facet_filter_costs_no_extra_query():
    _make_corpus(12)
    _, plain = _queries(_request())
    result, filtered = _queries(_request(filters=EVERY_FILTER))
    assert result.total >= 1
    assert len(filtered) == len(plain)
    assert len(_touching_documents(filtered)) == 2


def test_the_query_count_does_not_grow_with_documents_or_facet_values():
    _make_corpus(12)
    result, few = _queries(_request(filters=EVERY_FILTER))
    assert result.documents  # a page to read in both cases
    _make_corpus(30, offset=12)
    for n in range(10):  # new facet values too
        make_document("Formation", themes=[(f"theme-{n}", f"Thème {n}")], audience=PUBLIC)
    result, many = _queries(_request(filters=EVERY_FILTER))
    assert len(many) == len(few)
    assert result.total > 1


def test_browsing_without_words_and_sorting_by_date_cost_the_same():
    _make_corpus(9)
    _, relevance = _queries(_request())
    _, by_date = _queries(_request(sort="date"))
    _, browsing = _queries(_request(q=""))
    assert len(relevance) == len(by_date) == len(browsing)


def test_without_facets_the_total_still_comes_in_the_second_query():
    _make_corpus(9)
    result, queries = _queries(_request(with_facets=False))
    assert result.total == 9 and result.facets == {}
    assert len(_touching_documents(queries)) == 2


def test_a_page_past_the_last_still_reports_the_total():
    _make_corpus(9)
    result, _ = _queries(_request(offset=40, limit=20))
    assert result.documents == [] and result.total == 9


def test_the_service_query_count_is_the_same_for_a_member_with_and_without_filters():
    _make_corpus(12)
    member = make_member(SpaceFactory(name="Réseau PRE", slug="pre"))
    # Which results are forum topics (``search.threads``) is asked by content type, which
    # Django reads once per process: read before counting, as any running server has.
    ContentType.objects.get_for_model(Topic)
    with CaptureQueriesContext(connection) as plain:
        search(member, "formation")
    with CaptureQueriesContext(connection) as filtered:
        response = search(member, "formation", filters={"kind": "actualite", "theme": "insertion"})
    assert response.results
    assert len(_statements(filtered)) == len(_statements(plain))
    # Audience tokens (the spaces, the admin's page sections, the view restrictions a reader
    # may pass: three statements, in one round trip on PostgreSQL), then the engine's (on
    # PostgreSQL, inside the test's transaction, its time limit's settings are two more).
    audience = 1 if connection.vendor == "postgresql" else 3
    engine = 4 if connection.vendor == "postgresql" else 2
    assert len(_statements(plain)) == audience + engine


# --- the one-statement facets agree with counting each facet on its own ---------------------


def _naive(request):
    """Total and facets the slow, obvious way: one ORM query per facet."""

    engine = _engine()

    def narrowed(filters):
        # The engine's own rows (PostgreSQL: the index entries, which carry the columns).
        ids = engine._matched(engine._narrowed(request, filters), request)
        return SearchDocument.objects.filter(pk__in=ids.order_by().values("pk"))

    total = narrowed(request.filters).count()
    facets = {}
    for facet in FACETS:
        rows = narrowed(request.filters.without(facet))
        if facet in ("theme", "territory"):
            values = FacetValue.objects.filter(document__in=rows, facet=facet)
            counted = {}
            for slug in values.values_list("slug", flat=True):
                counted[slug] = counted.get(slug, 0) + 1
        else:
            column = {"kind": "kind", "year": "year", "space": "space_id"}[facet]
            counted = {}
            for value in rows.values_list(column, flat=True):
                if value is not None:
                    counted[value] = counted.get(value, 0) + 1
        facets[facet] = counted
    return total, facets


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.lists(st.sampled_from([k.value for k in KINDS]), max_size=2, unique=True),
    theme=st.lists(st.sampled_from([t[0] for t in THEMES]), max_size=2, unique=True),
    territory=st.lists(st.sampled_from([t[0] for t in TERRITORIES]), max_size=2, unique=True),
    space=st.lists(st.sampled_from([s[0] for s in SPACES]), max_size=1, unique=True),
    year=st.lists(st.sampled_from(YEARS), max_size=2, unique=True),
    q=st.sampled_from(["formation", "", "acteurs terrain", "absent"]),
    audience=st.sampled_from(
        [AUDIENCE, frozenset({PUBLIC}), frozenset({PUBLIC, readers_audience("00010001")})]
    ),
)
def test_facets_in_one_statement_equal_counting_each_facet_alone(
    facet_corpus, kind, theme, territory, space, year, q, audience
):
    filters = Filters(
        kind=tuple(kind),
        theme=tuple(theme),
        territory=tuple(territory),
        space=tuple(space),
        year=tuple(year),
    )
    request = _request(q=q, filters=filters, audience=audience)
    result = _engine().search(request)
    total, facets = _naive(request)
    assert result.total == total
    for facet in FACETS:
        assert {value: count for value, _, count in result.facets[facet]} == facets[facet]


@pytest.fixture
def facet_corpus():
    return _make_corpus(24)


# --- ranking --------------------------------------------------------------------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's title ranking; SQLite's bm25() credits every phrase of the row found",
)
def test_a_title_with_one_word_of_an_abbreviation_expansion_does_not_outrank_the_abbreviation():
    """« Éducation » is one word of « programme de réussite éducative » (PRE): a short title
    saying it must not get the title credit of PRE and rank above the titles that say PRE."""
    for n in range(8):
        make_document(f"Compte rendu {n}", "Une rencontre des partenaires de la ville.")
    education = make_document(
        "Éducation et décrochage scolaire",
        "Une journée sur le décrochage, avec le programme de réussite éducative de Foix.",
    )
    referents = make_document("Rencontre des référent·e·s PRE", "La place des parents.")
    for q in ("PRE", "programme de réussite éducative"):
        titles = [document.title for document in _engine().search(_request(q=q)).documents]
        assert titles.index(referents.title) < titles.index(education.title), q
