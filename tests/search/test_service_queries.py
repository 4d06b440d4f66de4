"""The service on the database backend: French matching, filters, sorting, pages, facets,
snippets, degradation. Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import datetime

import pytest
from django.db import DatabaseError
from django.utils import timezone

from search import engines, service
from search.forms import InvalidSearch
from search.models import Kind, restricted_audience
from search.service import search, suggest
from tests.factories.search import STAFF_PAGE_PATH, make_document

pytestmark = pytest.mark.django_db


def _at(year, month=1, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def _titles(response):
    return [result.title for result in response.results]


@pytest.fixture
def library():
    return {
        "laicite": make_document(
            "Formation à la laïcité", "Pour les élu·e·s locaux.", date=_at(2021)
        ),
        "actrices": make_document(
            "Rencontre des actrices de l'insertion",
            "Les participantes ont partagé leurs pratiques.",
            kind=Kind.EVENT,
            date=_at(2022),
            themes=[("insertion", "Insertion")],
        ),
        "pre": make_document(
            "Journée des coordonnateur·rice·s",
            "Le programme de réussite éducative en Occitanie.",
            kind=Kind.PUBLICATION,
            date=_at(2023),
            themes=[("education", "Éducation")],
            territories=[("31", "Haute-Garonne")],
        ),
        "qpv": make_document(
            "Les QPV de Toulouse",
            "Quartiers prioritaires et contrats de ville.",
            date=_at(2023, 6),
            themes=[("politique-de-la-ville", "Politique de la ville")],
            territories=[("31", "Haute-Garonne")],
        ),
        "peps": make_document(
            "Le réseau PEP’S se réunit", "Prévention de la délinquance.", date=_at(2020)
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("laicite", "laicite"),  # accents folded
        ("LAÏCITÉ", "laicite"),
        ("l'insertion", "actrices"),  # elision
        ("insertion", "actrices"),
        ("acteur·rice·s", "actrices"),  # inclusive writing → its forms
        ("actrice", "actrices"),  # singular finds plural
        ("coordonnatrices", "pre"),  # plain word finds inclusive writing
        ("élus", "laicite"),
        ("PRE", "pre"),  # abbreviation finds its expansion
        ("quartier prioritaire de la politique de la ville", "qpv"),  # and back
        ("PEPS", "peps"),
        ("PEP'S", "peps"),
        ("participante", "actrices"),  # stemming
    ],
)
def test_french_as_people_write_it_finds_the_document(library, anonymous, query, expected):
    assert library[expected].title in _titles(search(anonymous, query))


def test_all_words_must_match_or_the_results_are_flagged_approximate(library, anonymous):
    # No document has both words: the partial matches come, flagged (test_never_silence.py).
    assert search(anonymous, "laïcité Toulouse").approximate is True
    both = make_document("Laïcité à Toulouse", date=_at(2024))
    response = search(anonymous, "laïcité Toulouse")
    assert (_titles(response), response.approximate) == ([both.title], False)


def test_title_matches_rank_first(library, anonymous):
    make_document("Compte rendu", "On y a parlé de laïcité, brièvement.", date=_at(2024))
    assert _titles(search(anonymous, "laïcité"))[0] == library["laicite"].title


def test_sort_by_date_is_newest_first(library, anonymous):
    response = search(anonymous, "", sort="date")
    dates = [result.date for result in response.results]
    assert dates == sorted(dates, reverse=True)


def test_empty_query_browses_by_filter_newest_first(library, anonymous):
    response = search(anonymous, "", filters={"territory": "31"})
    assert _titles(response) == [library["qpv"].title, library["pre"].title]


def test_filters_combine_kind_theme_year_and_dates(library, anonymous):
    assert _titles(search(anonymous, "", filters={"kind": ["evenement"]})) == [
        library["actrices"].title
    ]
    assert _titles(search(anonymous, "", filters={"theme": "education,insertion"})) == [
        library["pre"].title,
        library["actrices"].title,
    ]
    assert _titles(search(anonymous, "", filters={"year": ["2020"]})) == [library["peps"].title]
    in_2023 = search(anonymous, "", filters={"date_from": "2023-01-01", "date_to": "2023-12-31"})
    assert set(_titles(in_2023)) == {library["pre"].title, library["qpv"].title}


def test_a_facet_counts_the_other_values_of_its_own_dimension(library, anonymous):
    response = search(anonymous, "", filters={"kind": ["publication"]})
    kinds = {facet.value: (facet.count, facet.selected) for facet in response.facets["kind"]}
    assert kinds["publication"] == (1, True)
    assert kinds["actualite"] == (3, False)
    # ...while the other facets count what the kind filter leaves.
    assert {f.value: f.count for f in response.facets["theme"]} == {"education": 1}


def test_year_facet_counts_per_year(library, anonymous):
    years = {facet.value: facet.count for facet in search(anonymous, "").facets["year"]}
    assert years == {2020: 1, 2021: 1, 2022: 1, 2023: 2}


def test_pagination_splits_results_and_reports_the_total(library, anonymous):
    first = search(anonymous, "", page=1, page_size=2)
    third = search(anonymous, "", page=3, page_size=2)
    assert (first.total, first.pages, len(first.results)) == (5, 3, 2)
    assert len(third.results) == 1
    assert not set(_titles(first)) & set(_titles(third))


def test_a_page_past_the_last_is_empty_not_an_error(library, anonymous):
    response = search(anonymous, "", page=9, page_size=2)
    assert response.results == [] and response.total == 5


def test_snippet_marks_matched_words_around_the_match(library, anonymous):
    (result,) = search(anonymous, "participante").results
    assert "<mark>participantes</mark>" in result.snippet


def test_snippet_marks_inclusive_writing_found_through_a_plain_word(library, anonymous):
    (result,) = search(anonymous, "élus").results
    assert "<mark>élu·e·s</mark>" in result.snippet


def test_title_is_highlighted_too(library, anonymous):
    (result,) = search(anonymous, "laicite").results
    assert result.title_html == "Formation à la <mark>laïcité</mark>"


def test_html_in_documents_is_escaped_in_snippets_and_titles(anonymous):
    make_document("<b>laïcité</b>", "<script>alert('laïcité')</script>")
    (result,) = search(anonymous, "laïcité").results
    assert "<script>" not in result.snippet and "&lt;script&gt;" in result.snippet
    assert result.title_html == "&lt;b&gt;<mark>laïcité</mark>&lt;/b&gt;"


@pytest.mark.parametrize(
    "query",
    ['"laïcité', "laïcité*", "(laïcité", "[laïcité]]", "{laïcité", "!laïcité", "\\laïcité/",
     "-laïcité", "laïcité:", "laïcité)"],
)  # fmt: skip
def test_engine_syntax_is_removed_and_the_words_still_found(library, anonymous, query):
    response = search(anonymous, query)
    assert not response.degraded
    assert library["laicite"].title in _titles(response)


@pytest.mark.parametrize(
    "query",
    ["*", '""', "()", "~~~", "laïcité~2", "title:laïcité", "laïcité^3", "laïcité AND OR NOT",
     "l·a·ï·c·i·t·é", "·" * 150, "a" * 200, "é" * 199, "-- -- --", "de la", "\x01\x02\x7f"],
)  # fmt: skip
def test_pathological_queries_answer_without_error(library, anonymous, query):
    response = search(anonymous, query)
    assert response.total >= 0 and not response.degraded


def test_null_characters_are_refused_with_a_message(anonymous):
    with pytest.raises(InvalidSearch) as error:
        search(anonymous, "laïcité\x00")
    assert "q" in error.value.errors


def test_very_long_query_of_many_words_is_truncated_and_says_so(library, anonymous):
    response = search(anonymous, " ".join(["laïcité"] + [f"mot{i}" for i in range(40)])[:200])
    assert response.truncated


def test_invalid_input_raises_with_french_messages(anonymous):
    with pytest.raises(InvalidSearch) as error:
        search(anonymous, "x" * 201, filters={"kind": "inconnu", "couleur": "bleu"}, page=0)
    assert set(error.value.errors) == {"q", "kind", "page", "non_field_errors"}
    assert "200 caractères" in error.value.errors["q"][0]
    assert "couleur" in error.value.errors["non_field_errors"][0]


class _UnreachableEngine:
    name = "elasticsearch"

    def search(self, request):
        raise engines.EngineUnavailable("connection refused")

    def suggest(self, audience, prefix, limit):
        raise engines.EngineUnavailable("connection refused")


def test_engine_down_answers_from_the_database_rows_flagged_degraded(
    library, anonymous, monkeypatch
):
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    response = search(anonymous, "laïcité")
    assert response.degraded
    assert _titles(response) == [library["laicite"].title]
    assert response.facets["kind"][0].count == 1


def test_engine_down_still_applies_the_audience(library, anonymous, staff, monkeypatch):
    make_document(
        "Note laïcité", "interne", audience=restricted_audience(STAFF_PAGE_PATH, STAFF_PAGE_PATH)
    )
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    assert _titles(search(anonymous, "laïcité")) == [library["laicite"].title]
    assert len(search(staff, "laïcité").results) == 2


def test_engine_down_suggestions_come_from_the_database_rows(library, anonymous, monkeypatch):
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    assert [s["title"] for s in suggest(anonymous, "Formation")] == [library["laicite"].title]


def test_engine_and_fallback_down_raise_search_unavailable(anonymous, monkeypatch):
    def broken(self, request):
        raise DatabaseError("no database")

    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    monkeypatch.setattr(engines.FallbackEngine, "search", broken)
    with pytest.raises(service.SearchUnavailable):
        search(anonymous, "laïcité")


def test_suggestions_complete_title_prefixes_without_accents(library, anonymous):
    assert [s["title"] for s in suggest(anonymous, "forma")] == [library["laicite"].title]
    assert [s["title"] for s in suggest(anonymous, "Rencontre des act")] == [
        library["actrices"].title
    ]
    assert suggest(anonymous, "réseau pep")[0]["title"] == library["peps"].title


def test_suggestions_for_too_short_or_symbolic_prefixes_are_empty(library, anonymous):
    assert suggest(anonymous, "") == []
    assert suggest(anonymous, "f") == []
    assert suggest(anonymous, '"*~') == []
