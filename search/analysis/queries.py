"""From what someone typed to a query plan every backend can run.

A plan is an AND of clauses; a clause is an OR of alternatives; an alternative is an AND of
terms (one term usually, several for the expansion of an abbreviation). Each alternative also
keeps its readable ``text`` for Elasticsearch, which analyses text itself.

    « acteur·rice·s PRE » → [[acteur | actric], [pre | programm reuss educ]]
    « actrices » → [[actric | acteur]] (gendered forms, see ``gender``)
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gender import gendered_terms
from .inclusive import SEPARATORS, inclusive_forms
from .pipeline import TOKEN_RE, analyse, joined_compound, normalise_apostrophes, term_of
from .synonyms import ABBREVIATIONS, canonical_abbreviations

# Beyond this many clauses a query stops being a search and becomes a denial of service:
# the remaining words are ignored and ``QueryPlan.truncated`` says so.
MAX_CLAUSES = 12
_SEP_RE = re.compile("[" + re.escape(SEPARATORS) + "]")


@dataclass(frozen=True)
class Alternative:
    terms: tuple
    text: str


@dataclass(frozen=True)
class Clause:
    alternatives: tuple


@dataclass
class QueryPlan:
    clauses: list = field(default_factory=list)
    truncated: bool = False

    @property
    def is_empty(self):
        return not self.clauses

    def all_terms(self):
        """Every term any alternative looks for: what highlighting marks."""
        return {t for clause in self.clauses for alt in clause.alternatives for t in alt.terms}


@lru_cache(maxsize=1)
def synonym_index():
    """{first term: [(alternative, whole group)]}, longest alternatives first."""
    index = {}
    for abbreviation in ABBREVIATIONS:
        group = []
        for text in abbreviation.forms + abbreviation.expansions:
            terms = tuple(analyse(text))
            if terms and all(alt.terms != terms for alt in group):
                group.append(Alternative(terms, text))
        for alternative in group:
            index.setdefault(alternative.terms[0], []).append((alternative, tuple(group)))
    for candidates in index.values():
        candidates.sort(key=lambda pair: -len(pair[0].terms))
    return index


def _units(text):
    """The query as units: each a tuple of alternatives (one for a plain word, one per form
    for inclusive writing)."""
    units = []
    for match in TOKEN_RE.finditer(text):
        token = match.group(0)
        forms = inclusive_forms(token)
        if forms:
            alternatives = {}
            for form in forms:
                term = term_of(form)
                if term and term not in alternatives:
                    alternatives[term] = Alternative((term,), form)
            if alternatives:
                units.append(tuple(alternatives.values()))
            continue
        compound = _compound_unit(token)
        if compound:
            units.append(compound)
            continue
        for part in _SEP_RE.split(token):
            term = term_of(part)
            if term:
                units.append((Alternative((term,), part),))
    return units


def _compound_unit(token):
    """A hyphenated compound as one unit: its parts together, or its joined form
    (``socio-linguistiques`` finds ``sociolinguistiques`` and back, the index holding both
    for a hyphenated text). Not when a part is an abbreviation (``FLE-FLI``: each is matched
    with its expansion) or a stop word."""
    joined = joined_compound(token)
    if not joined:
        return None
    parts = _SEP_RE.split(token)
    terms = tuple(term_of(part) for part in parts)
    joined_term = term_of(joined)
    if not joined_term or not all(terms) or any(t in synonym_index() for t in terms):
        return None
    return (Alternative(terms, " ".join(parts)), Alternative((joined_term,), joined))


def _synonym_match(units, position):
    """The abbreviation group starting at ``position`` and how many units it covers."""
    unit = units[position]
    if len(unit) != 1:
        return None
    for alternative, group in synonym_index().get(unit[0].terms[0], ()):
        length = len(alternative.terms)
        window = units[position : position + length]
        if len(window) == length and all(
            len(candidate) == 1 and candidate[0].terms == (term,)
            for candidate, term in zip(window, alternative.terms, strict=True)
        ):
            return group, length
    return None


def parse(text):
    """The plan for ``text`` (validated and cleaned beforehand by ``search.forms``)."""
    units = _units(canonical_abbreviations(normalise_apostrophes(text or "")))
    plan = QueryPlan()
    position = 0
    while position < len(units):
        if len(plan.clauses) == MAX_CLAUSES:
            plan.truncated = True
            break
        matched = _synonym_match(units, position)
        if matched:
            group, length = matched
            plan.clauses.append(Clause(group))
            position += length
        else:
            plan.clauses.append(Clause(_with_gendered_forms(units[position])))
            position += 1
    return plan


def _with_gendered_forms(unit):
    """The unit's alternatives, then the terms of the other gendered forms of its words
    (``actrices`` → ``actric`` | ``acteur``, see ``gender``). After abbreviations are
    matched: their expansions stay as they are written."""
    alternatives = {alternative.terms: alternative for alternative in unit}
    for alternative in unit:
        if len(alternative.terms) != 1:
            continue
        for term, form in gendered_terms(alternative.text):
            alternatives.setdefault((term,), Alternative((term,), form))
    return tuple(alternatives.values())
