"""Moving a document from its page: a folder list for whoever may edit it, French messages."""

from html import unescape

import pytest

from extranet.documents.models import Folder
from extranet.documents.services import create_folder

from .conftest import space_url

pytestmark = pytest.mark.django_db


def test_the_document_page_offers_the_move_to_whoever_may_edit_it(client, moderator, furnished):
    client.force_login(moderator)
    html = client.get(space_url("document_detail", furnished.space, pk=furnished.document.pk))
    assert "Déplacer le document" in html.content.decode()


def test_a_member_who_did_not_deposit_the_document_is_not_offered_the_move(
    client, member, furnished
):
    client.force_login(member)
    html = client.get(space_url("document_detail", furnished.space, pk=furnished.document.pk))
    assert "Déplacer le document" not in html.content.decode()
    response = client.post(
        space_url("document_move", furnished.space, pk=furnished.document.pk), {"folder": ""}
    )
    assert response.status_code == 403


def test_a_moderator_moves_a_document_into_a_folder(client, moderator, furnished):
    space, document = furnished.space, furnished.document
    folder = create_folder(space, moderator, "Comptes rendus")
    client.force_login(moderator)
    response = client.post(
        space_url("document_move", space, pk=document.pk), {"folder": folder.pk}, follow=True
    )
    document.refresh_from_db()
    assert document.folder == folder
    assert "est maintenant dans le dossier « Comptes rendus »" in unescape(
        response.content.decode()
    )


def test_a_folder_of_another_space_is_refused_in_french(client, moderator, furnished, other_space):
    elsewhere = Folder.objects.create(space=other_space, name="Ailleurs")
    client.force_login(moderator)
    response = client.post(
        space_url("document_move", furnished.space, pk=furnished.document.pk),
        {"folder": elsewhere.pk},
        follow=True,
    )
    furnished.document.refresh_from_db()
    assert furnished.document.folder is None
    assert "n'a pas été déplacé : Choisissez un dossier de cet espace." in unescape(
        response.content.decode()
    )


def test_outsiders_get_a_404_when_moving(client, outsider, furnished):
    client.force_login(outsider)
    response = client.post(
        space_url("document_move", furnished.space, pk=furnished.document.pk), {"folder": ""}
    )
    assert response.status_code == 404


def test_the_uploader_moves_their_own_document(client, furnished):
    space, document = furnished.space, furnished.document
    folder = create_folder(space, document.uploader, "Mes notes")
    client.force_login(document.uploader)
    client.post(space_url("document_move", space, pk=document.pk), {"folder": folder.pk})
    document.refresh_from_db()
    assert document.folder == folder
