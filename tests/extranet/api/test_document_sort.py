"""GET documents/?tri=: the library table's sort in the API; an unknown sort is a French 400."""

from tests.factories.extranet import make_document

from ..documents.samples import image_bytes
from .conftest import api_url


def _titles(client, space, **params):
    response = client.get(api_url("document-list", space), params)
    assert response.status_code == 200
    return [document["title"] for document in response.json()["results"]]


def test_documents_sort_by_the_column_asked(as_user, member, space):
    make_document(space, member, name="Bilan.pdf")
    make_document(space, member, name="Affiche.png", content=image_bytes())
    client = as_user(member)
    assert _titles(client, space, tri="titre") == ["Affiche", "Bilan"]
    assert _titles(client, space, tri="-titre") == ["Bilan", "Affiche"]
    assert _titles(client, space, tri="type") == ["Bilan", "Affiche"]  # application/ < image/


def test_an_unknown_sort_is_a_french_400(as_user, member, space):
    response = as_user(member).get(api_url("document-list", space), {"tri": "poids"})
    assert response.status_code == 400
    assert response.json()["tri"][0].startswith("Tri inconnu : titre, type, taille")
