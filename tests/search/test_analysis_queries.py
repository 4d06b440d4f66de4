"""Queries become plans: AND of clauses, OR of alternatives (inclusive forms, abbreviations)."""

import pytest

from search.analysis import analyse
from search.analysis.queries import MAX_CLAUSES, parse
from search.analysis.synonyms import ABBREVIATIONS


def _clauses(plan):
    return [{alt.terms for alt in clause.alternatives} for clause in plan.clauses]


def test_plain_words_give_one_clause_each():
    plan = parse("insertion professionnelle")
    assert _clauses(plan) == [{tuple(analyse("insertion"))}, {tuple(analyse("professionnelle"))}]


def test_inclusive_token_is_one_clause_with_each_form_as_an_alternative():
    (clause,) = parse("acteur·rice·s").clauses
    assert {alt.terms for alt in clause.alternatives} == {("acteur",), ("actric",)}
    assert {alt.text for alt in clause.alternatives} == {"acteurs", "actrices"}


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS, ids=lambda a: a.forms[0])
def test_abbreviation_and_its_expansion_give_the_same_clause(abbreviation):
    from_abbreviation = _clauses(parse(abbreviation.forms[0]))
    from_expansion = _clauses(parse(abbreviation.expansions[0]))
    assert from_abbreviation == from_expansion
    assert tuple(analyse(abbreviation.forms[0])) in from_abbreviation[0]


def test_pep_s_with_typographic_apostrophe_is_the_abbreviation():
    assert _clauses(parse("PEP’S")) == _clauses(parse("PEPS"))


def test_words_around_an_abbreviation_stay_separate_clauses():
    plan = parse("coordonnateur PRE Toulouse")
    assert len(plan.clauses) == 3
    assert ("pre",) in {alt.terms for alt in plan.clauses[1].alternatives}


def test_all_terms_are_what_highlighting_looks_for():
    assert parse("laïcité acteur·rice·s").all_terms() == {"laicit", "acteur", "actric"}


def test_long_queries_are_truncated_to_a_bounded_number_of_clauses():
    plan = parse(" ".join(f"mot{i}" for i in range(50)))
    assert len(plan.clauses) == MAX_CLAUSES
    assert plan.truncated


def test_query_of_stop_words_only_is_empty():
    assert parse("de la et les").is_empty
