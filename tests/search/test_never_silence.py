"""Never silence (#10 §3): every word first; when nothing has them all, the corrected query
(« Vouliez-vous dire … ? ») or the best partial matches, flagged « Résultats approchants ».
The permission rules hold there too: approximate results and corrections only ever come from
what the caller may see. On every engine (``search_engine``).
"""

import pytest

from search.models import Kind, space_audience
from search.service import search, suggest
from search.spelling import correct
from tests.factories.search import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]


def _titles(response):
    return [result.title for result in response.results]


@pytest.fixture
def library():
    return {
        "conf_at": make_document(
            "Conf’At n°24 : la laïcité à l'école",
            "Actes de la conférence-atelier du 18 mai 2017 sur la laïcité.",
            kind=Kind.PUBLICATION,
        ),
        "formation": make_document(
            "Formation des coordonnateurs de réussite éducative",
            "Une journée de formation pour les coordonnateurs du programme.",
        ),
        "illettrisme": make_document(
            "Prévention de l'illettrisme en Occitanie",
            "Savoirs de base et intégration par la langue.",
        ),
        "socio": make_document(
            "Approches socio-linguistiques de l'apprentissage",
            "Des ateliers sociolinguistiques pour adultes.",
        ),
    }


def test_a_query_whose_words_are_all_found_is_not_approximate(library, anonymous):
    response = search(anonymous, "laïcité école")
    assert _titles(response) == [library["conf_at"].title]
    assert response.approximate is False
    assert response.did_you_mean == ""


def test_when_no_document_has_every_word_the_best_partial_matches_are_shown_as_approximate(
    library, anonymous
):
    # An accentless word beside a word absent from every document.
    response = search(anonymous, "laicite marseille")
    assert response.approximate is True
    assert _titles(response)[0] == library["conf_at"].title
    assert response.total == len(response.results)


def test_partial_matches_with_more_of_the_words_come_first(library, anonymous):
    response = search(anonymous, "illettrisme occitanie formation inexistant")
    assert response.approximate is True
    assert _titles(response)[0] == library["illettrisme"].title


def test_one_letter_missing_is_corrected_with_a_did_you_mean(library, anonymous):
    response = search(anonymous, "illetrisme")
    assert _titles(response) == [library["illettrisme"].title]
    assert response.approximate is True
    assert response.did_you_mean == "illettrisme"


def test_one_letter_doubled_is_corrected(library, anonymous):
    response = search(anonymous, "formmation")
    assert library["formation"].title in _titles(response)
    assert response.did_you_mean == "formation"


def test_two_typos_in_a_two_word_query_are_both_corrected(library, anonymous):
    response = search(anonymous, "prevension illetrisme")
    assert _titles(response)[0] == library["illettrisme"].title
    assert response.did_you_mean == "prévention illettrisme"


def test_nothing_close_gives_no_results_and_no_correction(library, anonymous):
    response = search(anonymous, "zzyzx")
    assert response.total == 0
    assert response.approximate is False
    assert response.did_you_mean == ""


def test_approximate_results_obey_the_audience(library, space, anonymous, member):
    make_document(
        "Compte rendu du réseau sur le harcèlement",
        kind=Kind.TOPIC,
        audience=space_audience(space.pk),
        space_id=space.pk,
        space_name=space.name,
    )
    assert search(anonymous, "harcelement marseille").total == 0
    member_response = search(member, "harcelement marseille")
    assert member_response.approximate is True
    assert member_response.total == 1


def test_a_word_found_only_in_private_documents_is_never_suggested(library, space, member):
    make_document(
        "Réunion confidentielle sur la radicalisation",
        kind=Kind.TOPIC,
        audience=space_audience(space.pk),
        space_id=space.pk,
        space_name=space.name,
    )
    # The vocabulary is public: even the member, who may read the topic, gets no correction
    # towards « radicalisation », and an outsider learns nothing of the word.
    response = search(member, "radicalisaton")
    assert response.did_you_mean == ""
    assert correct("radicalisaton") is None


def test_suggestions_tolerate_a_missing_accent_or_letter(library, anonymous):
    assert [s["title"] for s in suggest(anonymous, "prevention")] == [library["illettrisme"].title]
    assert [s["title"] for s in suggest(anonymous, "prévension")] == [library["illettrisme"].title]


def test_the_api_says_approximate_and_did_you_mean(library, client):
    data = client.get("/api/search/", {"q": "illetrisme"}).json()
    assert data["approximate"] is True
    assert data["did_you_mean"] == "illettrisme"
    exact = client.get("/api/search/", {"q": "illettrisme"}).json()
    assert exact["approximate"] is False
    assert exact["did_you_mean"] is None


def test_the_page_labels_approximate_results_and_links_the_correction(library, client):
    html = client.get("/recherche/", {"q": "illetrisme"}).content.decode()
    assert "Résultats approchants" in html
    assert "Vouliez-vous dire" in html
    assert "?q=illettrisme" in html
    exact = client.get("/recherche/", {"q": "illettrisme"}).content.decode()
    assert "Résultats approchants" not in exact


@pytest.mark.parametrize("q", ["Conf’At 24", "Conf'At 24", "ConfʼAt n°24", "n°24", "conf at 24"])
def test_the_numbered_publication_is_found_by_its_number_and_typographic_apostrophes(
    library, anonymous, q
):
    response = search(anonymous, q)
    assert _titles(response)[0] == library["conf_at"].title
    assert response.approximate is False


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ", "‘"])
def test_typographic_apostrophes_behave_like_the_straight_one(library, anonymous, apostrophe):
    response = search(anonymous, f"l{apostrophe}illettrisme")
    assert _titles(response) == [library["illettrisme"].title]
    assert response.approximate is False


@pytest.mark.parametrize("q", ["sociolinguistiques", "socio-linguistiques"])
def test_a_hyphenated_compound_and_its_joined_form_find_each_other(anonymous, q):
    hyphenated = make_document("Approches socio-linguistiques")
    joined = make_document("Ateliers sociolinguistiques pour adultes")
    response = search(anonymous, q)
    assert set(_titles(response)) == {hyphenated.title, joined.title}
    assert response.approximate is False
