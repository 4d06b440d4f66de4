"""Moving a document to another folder: whoever may edit it, within its space, re-indexed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.documents.models import Folder
from extranet.documents.services import FOLDER_NOT_IN_SPACE, create_folder, move_document
from tests.factories.extranet import make_document, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(space, member):
    return make_document(space, member)


@pytest.fixture
def folder(space, member):
    return create_folder(space, member, "Comptes rendus")


def test_the_uploader_moves_their_document_into_a_folder_and_back_to_the_root(
    document, member, folder
):
    move_document(document, member, folder)
    document.refresh_from_db()
    assert document.folder == folder
    move_document(document, member, None)
    document.refresh_from_db()
    assert document.folder is None


def test_a_moderator_moves_anyones_document(document, moderator, folder):
    move_document(document, moderator, folder)
    document.refresh_from_db()
    assert document.folder == folder


def test_another_member_may_not_move_a_document_they_did_not_deposit(space, document, folder):
    with pytest.raises(PermissionDenied):
        move_document(document, make_member(space), folder)


def test_someone_outside_the_space_gets_a_404(document, outsider, folder):
    with pytest.raises(Http404):
        move_document(document, outsider, folder)


def test_the_target_folder_must_be_in_the_documents_space(document, member, other_space):
    elsewhere = Folder.objects.create(space=other_space, name="Ailleurs")
    with pytest.raises(ValidationError) as refused:
        move_document(document, member, elsewhere)
    assert refused.value.message_dict == {"folder": [FOLDER_NOT_IN_SPACE]}
    document.refresh_from_db()
    assert document.folder is None


def test_a_moved_document_is_recorded_for_the_search_index(monkeypatch, document, member, folder):
    recorded = []
    monkeypatch.setattr("search.sync.record", lambda instance, **kw: recorded.append(instance))
    move_document(document, member, folder)
    assert recorded == [document]
