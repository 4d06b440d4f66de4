"""Search input validation: French messages, no engine syntax, bounded pages."""

import pytest
from django.http import QueryDict

from search.forms import InvalidSearch, clean_query_text, validate_search


def test_defaults_for_an_empty_request():
    parameters = validate_search({})
    assert (parameters["q"], parameters["sort"], parameters["page"], parameters["page_size"]) == (
        "",
        "relevance",
        1,
        20,
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('"laïcité"', "laïcité"),
        ("title:laïcité~2^3", "title laïcité 2 3"),
        ("(PRE) OR [VRL]", "PRE OR VRL"),
        ("-laïcité", "laïcité"),
        ("acteur-rice-s", "acteur-rice-s"),
        ("l'insertion", "l'insertion"),
        ("a\\b/c", "a b c"),
        ("  plusieurs   espaces ", "plusieurs espaces"),
    ],
)
def test_engine_syntax_is_removed_from_the_query(raw, clean):
    assert clean_query_text(raw) == clean


def test_query_longer_than_200_characters_is_refused_in_french():
    with pytest.raises(InvalidSearch) as error:
        validate_search({"q": "x" * 201})
    assert error.value.errors == {"q": ["La recherche ne peut dépasser 200 caractères."]}


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("0", "Le numéro de page commence à 1."),
        ("-3", "Le numéro de page commence à 1."),
        ("101", "Au-delà de la page 100, affinez plutôt la recherche."),
        ("99999999999999999999", "Au-delà de la page 100, affinez plutôt la recherche."),
        ("deux", "Le numéro de page doit être un nombre entier."),
    ],
)
def test_out_of_bounds_pages_are_refused(page, message):
    with pytest.raises(InvalidSearch) as error:
        validate_search({"page": page})
    assert error.value.errors["page"] == [message]


def test_unknown_parameters_are_refused_by_name():
    with pytest.raises(InvalidSearch) as error:
        validate_search({"q": "laïcité", "categorie": "x"})
    assert error.value.errors["non_field_errors"] == ["Paramètre inconnu : « categorie »."]


def test_unknown_kind_and_bad_slugs_are_refused():
    with pytest.raises(InvalidSearch) as error:
        validate_search({"kind": "recette", "theme": "Pas Un Slug!"})
    assert set(error.value.errors) == {"kind", "theme"}


def test_repeated_and_comma_separated_filter_values_are_both_accepted():
    parameters = validate_search(QueryDict("theme=education&theme=laicite,insertion&year=2023"))
    assert parameters["filters"].theme == ("education", "laicite", "insertion")
    assert parameters["filters"].year == (2023,)


def test_date_range_must_be_ordered():
    with pytest.raises(InvalidSearch) as error:
        validate_search({"date_from": "2024-01-01", "date_to": "2023-01-01"})
    assert error.value.errors["date_to"] == ["La date de fin précède la date de début."]


def test_too_many_filter_values_are_refused():
    with pytest.raises(InvalidSearch):
        validate_search({"theme": ",".join(f"t{i}" for i in range(21))})


def test_forms_share_their_fields_yet_each_keeps_its_own_errors_and_values():
    from search.forms import SearchForm

    refused, accepted = SearchForm({"page": "0", "kind": "inconnu"}), SearchForm({"q": "PRE"})
    assert refused.fields["page"] is accepted.fields["page"] is SearchForm.base_fields["page"]
    assert not refused.is_valid()
    assert accepted.is_valid(), accepted.errors
    assert set(refused.errors) == {"page", "kind"}
    assert accepted.cleaned_data["q"] == "PRE"
    assert SearchForm({"page": "2"}).parameters()["page"] == 2
