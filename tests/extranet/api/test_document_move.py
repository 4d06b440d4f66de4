"""PATCH documents/<id>/ {folder}: moving a document (its uploader or the moderators), to a
folder of its space or the root (null); JSON errors in French."""

import pytest

from extranet.documents.models import Folder

from .conftest import api_url


def _move(client, space, document, folder):
    return client.patch(
        api_url("document-detail", space, pk=document.pk), {"folder": folder}, format="json"
    )


def test_a_moderator_moves_a_document_and_gets_it_back(as_user, moderator, space, furnished):
    response = _move(as_user(moderator), space, furnished.document, furnished.folder.pk)
    assert response.status_code == 200
    assert response.json()["folder"] == furnished.folder.pk
    response = _move(as_user(moderator), space, furnished.document, None)
    assert response.json()["folder"] is None


def test_the_uploader_moves_their_document(as_user, space, furnished):
    response = _move(as_user(furnished.author), space, furnished.document, furnished.folder.pk)
    assert response.status_code == 200


def test_another_member_gets_403_before_any_field_check(as_user, member, space, furnished):
    response = _move(as_user(member), space, furnished.document, "n'importe quoi")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_a_folder_of_another_space_answers_400_under_folder(
    as_user, moderator, space, furnished, furnished_other
):
    response = _move(as_user(moderator), space, furnished.document, furnished_other.folder.pk)
    assert response.status_code == 400
    assert response.json() == {"folder": ["Ce dossier n'existe pas dans cet espace."]}


@pytest.mark.parametrize("value", ["abc", 1.5, True, [1]])
def test_a_folder_that_is_not_an_id_answers_400_in_french(
    as_user, moderator, space, furnished, value
):
    response = _move(as_user(moderator), space, furnished.document, value)
    assert response.status_code == 400
    assert response.json() == {
        "folder": ["Indiquez l'identifiant (nombre entier) d'un dossier de l'espace."]
    }


def test_a_move_without_folder_answers_400(as_user, moderator, space, furnished):
    response = as_user(moderator).patch(
        api_url("document-detail", space, pk=furnished.document.pk), {}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["folder"]


def test_outsiders_get_404(as_user, outsider, space, furnished):
    response = _move(as_user(outsider), space, furnished.document, furnished.folder.pk)
    assert response.status_code == 404
    assert Folder.objects.filter(pk=furnished.folder.pk).exists()
