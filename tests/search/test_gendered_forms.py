"""One gendered form finds the other (« actrices » finds a text that only says « acteurs »),
for the words of the vocabulary only, and never through a common word's stem. The plan is
shared by every engine: database terms, Elasticsearch texts and synonyms."""

import pytest
from modelsearch.backends import get_search_backend

from search.analysis import analyse, inclusive_forms
from search.analysis.gender import (
    IRREGULAR,
    VOCABULARY,
    gendered_terms,
    groups,
    synonym_groups,
)
from search.analysis.pipeline import fold
from search.analysis.queries import parse
from search.backends.french import synonym_rules
from search.engines import ElasticsearchEngine, SearchRequest
from search.service import search
from tests.factories.search import make_document


def _terms(query):
    """Every term the single clause of ``query`` looks for."""
    (clause,) = parse(query).clauses
    return {term for alternative in clause.alternatives for term in alternative.terms}


PAIRS = [
    ("actrices", "acteurs"),
    ("actrice", "acteur"),
    ("acteur·rice·s", "acteurs"),
    ("acteur·rice·s", "actrices"),
    ("coordinatrice", "coordinateur"),
    ("coordonnatrices", "coordonnateurs"),
    ("animatrice", "animateur"),
    ("formatrice", "formateur"),
    ("formatrices", "formateurs"),
    ("directrice", "directeurs"),
    ("médiatrice", "médiateur"),
    ("autrice", "auteur"),
    ("ambassadrice", "ambassadeur"),
    ("chercheuses", "chercheur"),
    ("travailleuses", "travailleurs"),
    ("référente", "référent"),
    ("habitante", "habitants"),
    ("élue", "élus"),
    ("déléguée", "délégués"),
    ("chargées", "chargé"),
    ("salariée", "salariés"),
    ("technicienne", "technicien"),
    ("citoyennes", "citoyens"),
    ("professionnelle", "professionnels"),
    ("sportive", "sportifs"),
    ("conseillère", "conseiller"),
    ("usagères", "usagers"),
    ("infirmière", "infirmiers"),
    ("Présidente", "président"),
]


@pytest.mark.parametrize(("query", "text"), PAIRS + [(b, a) for a, b in PAIRS])
def test_a_gendered_form_finds_the_other(query, text):
    assert set(analyse(text)) <= _terms(query)


@pytest.mark.parametrize(
    ("query", "unrelated"),
    [
        ("secteur", "sectrice"),  # -teur is not enough: not a word of the vocabulary
        ("secteurs", "sectrices"),
        ("moteur", "motrice"),
        ("employeur", "emploi"),  # Snowball: employeuse → « emploi »
        ("employeuses", "emplois"),
        ("conseillère", "conseil"),  # Snowball: conseiller → « conseil »
        ("conseillers", "conseil"),
        ("usagère", "usage"),
        ("usagers", "usage"),
        ("étrangère", "étrange"),
        ("demandeuse", "demande"),
        ("financeur", "financement"),
        ("travailleuses", "travailler"),
        ("visiteuse", "visite"),
    ],
)
def test_the_expansion_does_not_reach_other_words(query, unrelated):
    assert not set(analyse(unrelated)) & _terms(query)


@pytest.mark.parametrize(
    ("word", "forms", "other"),
    [
        ("conseiller", ["conseillère", "conseillers", "conseillères"], "conseil"),
        ("employeur", ["employeuse", "employeurs", "employeuses"], "emploi"),
        ("usager", ["usagère", "usagers", "usagères"], "usage"),
        ("travailleur", ["travailleuse", "travailleurs", "travailleuses"], "travaille"),
    ],
)
def test_words_whose_stems_meet_a_common_word_get_one_precise_term(word, forms, other):
    """Indexed and queried alike: the forms find each other, and the common word neither
    finds them nor is found by them."""
    assert all(analyse(form) == analyse(word) for form in forms)
    assert analyse(word) != analyse(other)


def test_the_precise_words_are_the_ones_that_meet_a_false_friend():
    precise = {fold(group.forms[0]) for group in groups() if group.precise}
    assert precise == {
        "amenageur",
        "conseiller",
        "decideur",
        "demandeur",
        "employeur",
        "etranger",
        "financeur",
        "travailleur",
        "usager",
        "visiteur",
    }


@pytest.mark.parametrize(
    "word", ["secteur", "moteur", "port", "porte", "mer", "mère", "cher", "chère", "prête"]
)
def test_words_outside_the_vocabulary_are_not_expanded(word):
    assert gendered_terms(word) == ()
    (clause,) = parse(word).clauses
    assert len(clause.alternatives) == 1


def test_abbreviation_expansions_keep_their_words_as_written():
    """« éducative » or « conseil » inside an expansion is not expanded: the abbreviation
    and its expansion still give the same clause."""
    (pre,) = parse("PRE").clauses
    (expansion,) = parse("programme de réussite éducative").clauses
    assert pre == expansion
    (clspd,) = parse("CLSPD").clauses
    assert clspd == parse("conseil local de sécurité et de prévention de la délinquance").clauses[0]


def test_every_vocabulary_entry_expands_into_four_forms_of_one_word_only():
    owner = {}
    for group in groups():
        assert len(group.forms) == 4 and group.terms
        for form in group.forms:
            assert owner.setdefault(fold(form), group.forms) == group.forms, form
    assert len(groups()) == len(VOCABULARY) + len(IRREGULAR)


def test_past_participles_in_inclusive_writing_are_expanded():
    assert inclusive_forms("chargé·e·s") == ["chargés", "chargées"]
    assert inclusive_forms("délégué·e") == ["délégué", "déléguée"]
    assert inclusive_forms("une·e") is None


def test_the_query_stays_small():
    """At most the forms' distinct terms: a handful of alternatives per word."""
    plan = parse("actrices formatrices déléguées chargées salariées conseillères")
    assert all(len(clause.alternatives) <= 4 for clause in plan.clauses)


# --- engines --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("actrices", "Les acteurs de la prévention se réunissent."),
        ("acteurs", "Les actrices de la prévention se réunissent."),
        ("acteur·rice·s", "Les actrices de la prévention se réunissent."),
        ("formateur", "Une formatrice VRL habilitée."),
        ("déléguées", "Les délégués du préfet."),
        ("coordinatrice", "Le coordinateur du CLSPD."),
    ],
)
def test_every_engine_finds_the_other_form(search_engine, anonymous, query, text):
    document = make_document("Compte rendu", text)
    make_document("Autre chose", "Sans rapport.")
    assert [result.title for result in search(anonymous, query).results] == [document.title]


@pytest.mark.django_db
def test_every_engine_finds_the_other_form_but_not_the_false_friend(search_engine, anonymous):
    make_document("Emploi des jeunes", "L'emploi et la formation.")
    make_document("Le conseil municipal", "Séance du conseil.")
    employers = make_document("Le réseau", "Des employeuses engagées.")
    councillors = make_document("Les élus", "Des conseillers municipaux.")
    assert [result.title for result in search(anonymous, "employeurs").results] == [employers.title]
    assert [result.title for result in search(anonymous, "conseillère").results] == [
        councillors.title
    ]


@pytest.mark.django_db
def test_snippets_mark_the_other_form_on_every_engine(search_engine, anonymous):
    make_document("Compte rendu", "Les acteurs de la prévention.")
    (result,) = search(anonymous, "actrices").results
    assert "<mark>acteurs</mark>" in result.snippet


def test_elasticsearch_gets_each_form_as_an_alternative():
    backend = get_search_backend(
        "search.backends.elasticsearch.Elasticsearch9SearchBackend", URLS=["http://localhost:9200"]
    )
    engine = ElasticsearchEngine(backend)
    body = engine.body(SearchRequest(audience=frozenset({"public"}), plan=parse("actrices")))
    should = body["query"]["bool"]["must"]["bool"]["should"]
    assert [query["multi_match"]["query"] for query in should] == ["actrices", "acteur"]


def test_elasticsearch_search_synonyms_hold_the_same_groups():
    rules = synonym_rules()
    assert "acteur, actrice, acteurs, actrices" in rules
    assert "delegue, deleguee, delegues, deleguees" in rules
    # Words whose forms meet a false friend get one term before stemming instead.
    assert not [rule for rule in rules if rule.startswith("employeur,")]
    assert len(rules) == len(set(rules))
    assert [", ".join(words) for words in synonym_groups()] == rules[-len(synonym_groups()) :]
