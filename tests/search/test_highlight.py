"""Snippets and highlighted titles, computed in Python from the stored text."""

from search.analysis.queries import parse
from search.highlight import highlight, snippet


def _terms(q):
    return parse(q).all_terms()


def test_matched_words_are_marked_whatever_their_accents_and_case():
    assert highlight("La Laïcité à l'école", _terms("laicite")) == (
        "La <mark>Laïcité</mark> à l&#x27;école"
    )


def test_inclusive_writing_is_marked_whole_when_one_of_its_forms_matched():
    assert highlight("Les acteur·rice·s du réseau", _terms("actrices")) == (
        "Les <mark>acteur·rice·s</mark> du réseau"
    )


def test_elided_word_is_marked_without_its_article():
    assert highlight("l'insertion", _terms("insertion")) == "l&#x27;<mark>insertion</mark>"


def test_abbreviation_expansion_words_are_marked_for_the_abbreviation():
    html = highlight("Programme de réussite éducative", _terms("PRE"))
    assert html == "<mark>Programme</mark> de <mark>réussite</mark> <mark>éducative</mark>"


def test_snippet_is_cut_around_the_first_match_with_ellipses():
    text = "Début. " + "mot " * 200 + "la laïcité est ici " + "fin " * 200
    html = snippet(text, _terms("laïcité"), length=120)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>laïcité</mark>" in html
    assert len(html) < 200


def test_snippet_without_match_is_the_beginning_of_the_text():
    html = snippet("Premier paragraphe. " + "suite " * 100, set(), length=40)
    assert html.startswith("Premier paragraphe.") and html.endswith("…")


def test_everything_but_the_marks_is_escaped():
    html = snippet('<img src=x onerror="alert(1)"> laïcité', _terms("laïcité"))
    assert "<img" not in html
    assert "&lt;img" in html and "<mark>laïcité</mark>" in html
