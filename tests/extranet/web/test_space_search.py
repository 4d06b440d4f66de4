"""« Rechercher dans l'espace »: the search service filtered on the space, for its members
only; bad input answered in French, never a 500."""

from html import unescape

import pytest

from search import sync
from tests.factories.extranet import make_document, make_member, make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(space, other_space, member):
    """The same words in a topic of each space; the member belongs to both."""
    make_member(other_space, user=member)
    mine = make_topic(space, member, title="Laïcité au travail", body="Un retour de terrain.")
    other = make_topic(other_space, member, title="Laïcité à l'école", body="Un autre retour.")
    sync.process_pending()
    return mine, other


def test_the_space_pages_have_a_search_box(client, member, space):
    client.force_login(member)
    html = client.get(space_url("space_home", space)).content.decode()
    assert f'action="{space_url("space_search", space)}"' in html
    assert '<label for="space-search-q">Rechercher dans l\'espace</label>' in unescape(html)


def test_a_space_search_finds_only_what_is_in_that_space(client, member, space, topics):
    mine, other = topics
    client.force_login(member)
    response = client.get(space_url("space_search", space), {"q": "laicite"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert mine.get_absolute_url() in html
    assert other.get_absolute_url() not in html
    assert "1 résultat dans l'espace" in html


def test_a_space_search_finds_the_spaces_documents(client, member, space):
    document = make_document(space, member, name="Charte de la laïcité.pdf")
    sync.process_pending()
    client.force_login(member)
    html = unescape(client.get(space_url("space_search", space), {"q": "charte"}).content.decode())
    assert f'href="{document.get_absolute_url()}"' in html


def test_outsiders_get_a_404_from_a_space_search(client, outsider, space, topics):
    client.force_login(outsider)
    response = client.get(space_url("space_search", space), {"q": "laicite"})
    assert response.status_code == 404


def test_an_empty_space_search_explains_what_to_do(client, member, space):
    client.force_login(member)
    response = client.get(space_url("space_search", space))
    assert response.status_code == 200
    assert "Saisissez des mots" in unescape(response.content.decode())


def test_a_space_search_that_is_too_long_answers_400_in_french(client, member, space):
    client.force_login(member)
    response = client.get(space_url("space_search", space), {"q": "mot " * 60})
    assert response.status_code == 400
    assert "La recherche n'a pas abouti" in unescape(response.content.decode())


def test_a_page_number_that_is_not_one_answers_400_not_500(client, member, space):
    client.force_login(member)
    response = client.get(space_url("space_search", space), {"q": "mot", "page": "x"})
    assert response.status_code == 400
