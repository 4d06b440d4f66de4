"""The edit distance of « Vouliez-vous dire … ? » (``search.spelling``): what counts as one
typo, and the bound that keeps a correction close to what was typed."""

import pytest

from search.spelling import allowed_edits, edit_distance, words_of


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        ("illetrisme", "illettrisme"),  # a letter missing
        ("formmation", "formation"),  # a letter doubled
        ("prevension", "prevention"),  # a letter replaced
        ("foramtion", "formation"),  # two letters swapped
    ],
)
def test_a_common_typo_is_one_edit(typed, known):
    assert edit_distance(typed, known, 2) == 1


def test_the_distance_stops_beyond_its_limit():
    assert edit_distance("laicite", "education", 1) == 2


def test_short_words_allow_one_edit_and_longer_ones_two():
    assert allowed_edits("ecole") == 1
    assert allowed_edits("illettrisme") == 2


def test_the_vocabulary_of_a_text_is_folded_letters_without_stop_words_or_numbers():
    assert words_of("Conf’At n°24 : la Laïcité à l'école") == {
        "conf": "conf",
        "laicite": "laïcité",
        "ecole": "école",
    }
