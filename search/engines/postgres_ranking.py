"""The match and the relevance of a search with words on PostgreSQL, written as SQL text.

What they are is decided in ``search.backends.modelsearch_adapter``: modelsearch's PostgreSQL
compiler with ``postgres_single_rank_compiler`` (one ``ts_rank`` per vector; a title credit
for an abbreviation's clause only when the title matches it) over ``entry_compiler``'s
vectors (the ``DocumentEntry`` row's title, weighted by its ``title_norm``, and body). That
compiler answers with trees of Django expressions (a ``Lexeme`` per word, a ``SearchQuery``
per alternative, repeated for the title, the body and the match), which the ORM resolved and
compiled in 1.2–1.9 ms of CPU per search, more than half of the whole fixed cost of a search
(#16, ``bench/search_cost.py``). This module writes the same SQL from the same query objects
(``search.engines.request.plan_to_query``) in a few string operations:
``tests/search/test_postgres_ranking.py`` holds it byte for byte equal, SQL and parameters, to
what Django compiles from the compiler's expressions, for random plans; and the statements
built either way find the same rows with the same scores.

Only the query objects the plans make are written here: ``PlainText`` (``operator="and"``),
``Or`` and ``And``; anything else is refused (``TypeError``) rather than written wrongly.
"""

import re
from functools import reduce

from modelsearch.query import And, Or, PlainText

from search.backends.modelsearch_adapter import expanded_clause, sql_weights
from search.models import DocumentEntry

TABLE = DocumentEntry._meta.db_table


def _column(name):
    return f'"{TABLE}"."{name}"'


TITLE, TITLE_NORM, BODY = _column("title"), _column("title_norm"), _column("body")
#: The entries' combined vector, as modelsearch matches it (``annotate(_vector_=…)``).
VECTOR = f"({TITLE} || {BODY})"


def _lexeme(term):
    """One word as a tsquery operand: modelsearch's ``Lexeme.as_sql``."""
    return "'{}'".format(term.replace("'", "''").replace("\\", "\\\\"))


def lexemes(text):
    """The words of a ``PlainText`` (``operator="and"``) as modelsearch combines them: the last
    word first, then the others in order (``build_tsquery_content``, ``CombinedLexeme``)."""
    terms = [term for term in re.split(r"[\s\-]+", text) if term]
    if not terms:
        raise TypeError("a PlainText without words has no tsquery")
    value = _lexeme(terms.pop())
    for term in terms:
        value = f"({value} & {_lexeme(term)})"
    return value


def tsquery(query, config):
    """``(sql, params)`` of the query's tsquery: one ``to_tsquery`` per alternative, combined
    with ``&&`` (``And``) and ``||`` (``Or``) from the left, as ``SearchQuery`` compiles."""
    if isinstance(query, PlainText):
        if query.operator != "and":
            raise TypeError(f"PlainText with operator {query.operator!r}")
        return "to_tsquery(%s::regconfig, %s)", [config, lexemes(query.query_string)]
    if isinstance(query, (And, Or)):
        connector = "&&" if isinstance(query, And) else "||"
        parts = [tsquery(subquery, config) for subquery in query.subqueries]
        return reduce(
            lambda left, right: (f"({left[0]} {connector} {right[0]})", left[1] + right[1]),
            parts,
        )
    raise TypeError(f"{type(query).__name__} is not written by search.engines.postgres_ranking")


def _rank(vector, query, config):
    """``ts_rank`` of the whole query against one vector (``SearchRank`` with the weights)."""
    sql, params = tsquery(query, config)
    return f"ts_rank((%s)::float4[], {vector}, {sql})", [sql_weights(), *params]


def _sum(parts):
    return reduce(lambda left, right: (f"({left[0]} + {right[0]})", left[1] + right[1]), parts)


def title_rank(query, config):
    """The title's part of the score before ``title_norm``: one rank of the clauses without an
    abbreviation's expansion, then each expanded clause's rank only where the title matches
    it (``postgres_single_rank_compiler._title_rank``)."""
    clauses = query.subqueries if isinstance(query, And) else [query]
    plain = [clause for clause in clauses if not expanded_clause(clause)]
    parts = []
    if plain:
        parts.append(_rank(TITLE, plain[0] if len(plain) == 1 else And(plain), config))
    for clause in clauses:
        if expanded_clause(clause):
            sql, params = tsquery(clause, config)
            rank_sql, rank_params = _rank(TITLE, clause, config)
            parts.append(
                (
                    f"CASE WHEN ({TITLE} @@ {sql}) THEN {rank_sql} ELSE %s END",
                    [*params, *rank_params, 0.0],
                )
            )
    return _sum(parts)


def rank(query, config):
    """``(sql, params)`` of the score: the title's rank times its norm plus the body's."""
    title_sql, title_params = title_rank(query, config)
    body_sql, body_params = _rank(BODY, query, config)
    return (
        f"(({title_sql} * {TITLE_NORM}) + ({body_sql} * %s))",
        [*title_params, *body_params, 1.0],
    )


def match(query, config):
    """``(sql, params)`` of the condition that a row matches the query."""
    sql, params = tsquery(query, config)
    return f"{VECTOR} @@ {sql}", params
