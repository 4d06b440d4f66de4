"""``search.engines.postgres_ranking`` writes, as text, the SQL that modelsearch's PostgreSQL
compiler with the portal's overrides (``postgres_single_rank_compiler``, ``entry_compiler``)
compiles through the ORM: byte for byte for the score and the tsquery, and the same rows with
the same scores for the whole matched set (the engine's, written around a
``search.engines.sql.Narrowing``, against ``matched_sql`` over the compiler's queryset), on
random plans, filters and audiences. PostgreSQL only: the other databases never run this
SQL."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone
from modelsearch.query import And, Or, Phrase, PlainText

from search.analysis.queries import parse
from search.engines import (
    ANY_WORD,
    Filters,
    PostgresEngine,
    SearchRequest,
    default_engine,
    postgres_ranking,
)
from search.engines.database import DatabaseEngine
from search.engines.request import ALL_WORDS, plan_to_query
from search.models import PUBLIC, DocumentEntry, Kind, restricted_audience, space_audience
from tests.factories.search import make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL engine's SQL"),
]

#: Words of R&T's reports, abbreviations that expand (``PRE``, ``QPV``), inclusive writing,
#: elisions, compounds and numbers: every kind of clause a plan makes.
WORDS = [
    "laïcité", "PRE", "QPV", "acteur·rice·s", "politique", "ville", "l'insertion",
    "éducation", "réussite", "éducative", "décrochage", "scolaire", "jeunes", "quartiers",
    "cohésion", "sociale", "Conf'At", "n°24", "lave-vaisselle", "formateur·rice·s", "réseau",
    "VRL", "prévention", "territoires", "Occitanie", "emploi", "d'aujourd'hui", "habitant·e·s",
]  # fmt: skip


def _texts(seed, count=60):
    rng = random.Random(seed)
    texts = []
    while len(texts) < count:
        text = " ".join(rng.sample(WORDS, rng.randint(1, 4)))
        if not parse(text).is_empty:
            texts.append(text)
    return texts


def _engine():
    engine = default_engine()
    assert isinstance(engine, PostgresEngine)
    return engine


def _compiled(expression):
    """What Django compiles ``expression`` to, in a query over the index entries."""
    query = DocumentEntry.objects.all().query
    sql, params = query.get_compiler(using="default").compile(expression.resolve_expression(query))
    return sql, list(params)


def _compiler(engine, query):
    return engine._compiler_class()(DocumentEntry.objects.all(), query, order_by_relevance=True)


@pytest.mark.parametrize("match", [ALL_WORDS, ANY_WORD])
@pytest.mark.parametrize("seed", range(3))
def test_the_written_score_and_tsquery_are_the_sql_the_compiler_compiles(match, seed):
    engine = _engine()
    config = engine.search_config
    for text in _texts(seed):
        query = plan_to_query(parse(text), analysed=True, match=match)
        compiler = _compiler(engine, query)
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        score = compiler._build_rank_expression(compiler.get_index_vectors(tsquery), config)
        assert postgres_ranking.tsquery(query, config) == _compiled(tsquery), text
        assert postgres_ranking.rank(query, config) == _compiled(score), text


def test_quotes_and_backslashes_in_a_word_are_quoted_as_modelsearch_quotes_them():
    engine = _engine()
    query = Or([PlainText("l'eau c\\d-e", operator="and"), PlainText("f", operator="and")])
    compiler = _compiler(engine, query)
    expected = _compiled(compiler.build_tsquery(query, config=engine.search_config))
    assert postgres_ranking.tsquery(query, engine.search_config) == expected
    assert expected[1][1] == "(('e' & 'l''eau') & 'c\\\\d')"


def test_query_objects_the_plans_never_make_are_refused_rather_than_written_wrongly():
    with pytest.raises(TypeError):
        postgres_ranking.tsquery(Phrase("politique de la ville"), "portal_simple")
    with pytest.raises(TypeError):
        postgres_ranking.tsquery(PlainText("politique ville", operator="or"), "portal_simple")
    with pytest.raises(TypeError):
        postgres_ranking.lexemes(" - ")
    assert postgres_ranking.tsquery(And([PlainText("a"), PlainText("b")]), "portal_simple")[1] == [
        "portal_simple", "'a'", "portal_simple", "'b'",
    ]  # fmt: skip


@pytest.fixture
def documents():
    """Documents of every audience, kind, year, theme and territory, saying random words."""
    rng = random.Random(7)
    audiences = [PUBLIC, space_audience(3), space_audience(9), restricted_audience("0001", "0001")]
    kinds = [Kind.NEWS, Kind.TOPIC, Kind.DOSSIER, Kind.PAGE]
    made = []
    for number in range(48):
        audience = audiences[number % len(audiences)]
        space_id = int(audience.split(":")[1]) if audience.startswith("space:") else None
        made.append(
            make_document(
                " ".join(rng.sample(WORDS, 3)),
                " ".join(rng.choices(WORDS, k=rng.randint(5, 40))),
                kind=kinds[number % len(kinds)],
                audience=audience,
                space_id=space_id,
                space_name=f"Réseau {space_id}" if space_id else "",
                date=timezone.make_aware(datetime.datetime(2020 + number % 5, 3, 1)),
                themes=[("laicite", "Laïcité")] if number % 3 == 0 else [],
                territories=[("31", "Haute-Garonne")] if number % 4 == 0 else [],
                visible_until=timezone.now() - datetime.timedelta(days=1)
                if number % 11 == 0
                else None,
            )
        )
    return made


FILTERS = [
    Filters(),
    Filters(kind=(Kind.NEWS, Kind.TOPIC)),
    Filters(year=(2022, 2023), space=(3,)),
    Filters(theme=("laicite",), territory=("31",)),
    Filters(kind=(Kind.DOSSIER,), date_from=datetime.date(2021, 1, 1)),
]
AUDIENCES = [
    frozenset({PUBLIC}),
    frozenset({PUBLIC, space_audience(3)}),
    frozenset({PUBLIC, space_audience(3), space_audience(9), restricted_audience("0001", "0001")}),
]


def _rows(statement):
    sql, params, names = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(cursor.fetchall(), key=lambda row: row[0]), names


def test_the_written_statement_finds_the_rows_and_scores_of_the_compilers_statement(documents):
    engine = _engine()
    rng = random.Random(11)
    compared = found = 0
    for text in _texts(5, count=40):
        for match in (ALL_WORDS, ANY_WORD):
            request = SearchRequest(
                audience=rng.choice(AUDIENCES),
                plan=parse(text),
                filters=rng.choice(FILTERS),
                match=match,
            )
            written = _rows(engine._matched_set(request))
            compiled = _rows(DatabaseEngine._matched_set(engine, request))
            assert written == compiled, (text, match, request.filters)
            compared += 1
            found += bool(written[0])
    assert compared == 80
    assert found > 40  # most requests find rows: the comparison is not between empty sets


def test_the_written_match_can_be_found_through_the_entries_gin_index(documents):
    """The index is on the expression ``title || body``: a match written otherwise would make
    PostgreSQL evaluate it on every visible row (#9). The match alone, sequential scans priced
    out: the plan shows whether the index can serve it, whatever the table's size."""
    engine = _engine()
    query = plan_to_query(parse("laïcité réussite"), analysed=True)
    sql, params = postgres_ranking.match(query, engine.search_config)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT 1 FROM {postgres_ranking.TABLE} WHERE {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_match_gin" in plan, plan
