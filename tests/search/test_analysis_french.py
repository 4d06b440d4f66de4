"""Elision, accents, case, stop words and stemming: the database backends' French."""

import pytest

from search.analysis import analyse, fold, index_text, rewrite


def test_fold_removes_accents_lowercases_and_opens_ligatures():
    assert fold("Laïcité, ÉCOLE, œuvre") == "laicite, ecole, oeuvre"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("laïcité", "laicite"),
        ("Laïcité", "LAICITE"),
        ("l'insertion", "insertion"),
        ("l’insertion", "insertion"),
        ("d'intégration", "integration"),
        ("qu'elles", "elles"),
        ("quartiers prioritaires", "quartier prioritaire"),
        ("politiques", "politique"),
        ("éducatives", "éducatif"),
        ("élus", "élu"),
        ("PEP'S", "PEPS"),
        ("PEP’S", "peps"),
    ],
)
def test_forms_people_write_give_the_same_terms(a, b):
    assert analyse(a) == analyse(b)


def test_stop_words_and_elided_articles_are_dropped():
    assert analyse("l'insertion de la jeunesse et des femmes") == analyse(
        "insertion jeunesse femmes"
    )


def test_numbers_are_kept_whole():
    assert "2017" in analyse("Conf'At n°24 du 18 mai 2017")
    assert "24" in analyse("Conf'At n°24 du 18 mai 2017")


def test_abbreviations_survive_analysis():
    for abbreviation in ("PRE", "VRL", "QPV", "NPNRU", "ESAT", "FLE", "FLI", "EPCI", "CLSPD"):
        assert analyse(abbreviation), abbreviation


def test_index_text_is_space_separated_ascii_terms():
    text = index_text("Les acteur·rice·s de la laïcité à Montpellier-Méditerranée")
    # The compound also gives its joined form (``socio-linguistiques`` ↔ ``sociolinguistiques``).
    assert text == " ".join(
        analyse("acteurs actrices laicite Montpellier Mediterranee MontpellierMediterranee")
    )
    assert text.isascii()


def test_rewrite_keeps_text_readable_for_engines_that_analyse_french_themselves():
    assert rewrite("Les acteur·rice·s du PEP’S") == "Les acteurs actrices du PEPS"


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_every_apostrophe_spelling_of_an_abbreviation_is_made_canonical(apostrophe):
    from search.analysis.synonyms import canonical_abbreviations

    assert canonical_abbreviations(f"le réseau Pep{apostrophe}s") == "le réseau PEPS"
    assert canonical_abbreviations("le réseau des PEPS, sans apostrophe") == (
        "le réseau des PEPS, sans apostrophe"
    )


def test_analysis_of_empty_or_symbol_only_text_is_empty():
    assert analyse("") == []
    assert analyse(None) == []
    assert analyse("*~:()[]{}^!\\/ ·· -- ..") == []
