"""Inclusive writing is expanded into its forms, and nothing else is."""

import pytest

from search.analysis import analyse, expand_inclusive, inclusive_forms


@pytest.mark.parametrize(
    ("token", "forms"),
    [
        ("acteur·rice·s", ["acteurs", "actrices"]),
        ("acteur.rice.s", ["acteurs", "actrices"]),
        ("acteur-rice-s", ["acteurs", "actrices"]),
        ("acteur•rice•s", ["acteurs", "actrices"]),
        ("acteur·rice", ["acteur", "actrice"]),
        ("acteur·rices", ["acteurs", "actrices"]),
        ("animateur·trice·s", ["animateurs", "animatrices"]),
        ("participant·e·s", ["participants", "participantes"]),
        ("participant·es", ["participants", "participantes"]),
        ("élu·e·s", ["élus", "élues"]),
        ("élu·e", ["élu", "élue"]),
        ("professionnel·le·s", ["professionnels", "professionnelles"]),
        ("technicien·ne·s", ["techniciens", "techniciennes"]),
        ("citoyen·enne", ["citoyen", "citoyenne"]),
        ("conseiller·ère·s", ["conseillers", "conseillères"]),
        ("travailleur·euse·s", ["travailleurs", "travailleuses"]),
        ("sportif·ve", ["sportif", "sportive"]),
        ("CHEF·FE·S", ["CHEFS", "CHEFFES"]),
        ("FORMATEUR·RICE·S", ["FORMATEURS", "FORMATRICES"]),
        ("tou·te·s", ["tous", "toutes"]),
        ("ceux·celles", ["ceux", "celles"]),
        ("il·elle·s", ["ils", "elles"]),
    ],
)
def test_inclusive_token_expands_into_masculine_and_feminine_forms(token, forms):
    assert inclusive_forms(token) == forms


@pytest.mark.parametrize(
    "token",
    [
        "l·a",  # stray middle dot between letters
        "une·e",
        "www.exemple.fr",
        "exemple.fr",
        "1.5",
        "Hautes-Pyrénées",
        "fais-le",
        "peut-être",
        "CR•DSU",
        "FLE-FLI",
        "e-mail",
        "Tarn-et-Garonne",
    ],
)
def test_words_that_merely_contain_a_separator_are_not_inclusive_writing(token):
    assert inclusive_forms(token) is None


def test_expansion_rewrites_inclusive_tokens_in_running_text():
    text = "Les acteur·rice·s et les élu·e·s de M. Martin (1.5 %)"
    assert expand_inclusive(text) == "Les acteurs actrices et les élus élues de M. Martin (1.5 %)"


def test_expansion_leaves_urls_and_email_addresses_alone():
    text = "voir https://exemple.fr/les-acteur·rice·s et contact.acteur·rice@exemple.fr"
    assert expand_inclusive(text) == text


def test_parenthesised_form_is_expanded_too():
    assert expand_inclusive("les participant(e)s") == "les participants participantes"


@pytest.mark.parametrize(
    ("inclusive", "plain"),
    [
        ("acteur·rice·s", "actrices"),
        ("acteur·rice·s", "acteurs"),
        ("acteur·rice·s", "acteur"),
        ("acteur.rice.s", "actrice"),
        ("participant·e·s", "participantes"),
        ("les élu·e·s", "élus"),
        ("tou·te·s", "toutes"),
    ],
)
def test_inclusive_form_and_plain_word_share_a_term(inclusive, plain):
    assert set(analyse(inclusive)) & set(analyse(plain))
