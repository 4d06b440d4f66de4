"""Folders of a space's library."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.documents.models import Document, Folder
from extranet.documents.services import create_folder, delete_folder, rename_folder
from tests.factories.extranet import make_document

pytestmark = pytest.mark.django_db


def test_member_creates_folders_and_subfolders(space, member):
    parent = create_folder(space, member, "  Comptes   rendus ")
    child = create_folder(space, member, "2024", parent=parent)
    assert parent.name == "Comptes rendus"
    assert child.parent == parent


def test_duplicate_name_in_the_same_place_is_refused(space, member):
    create_folder(space, member, "Outils")
    with pytest.raises(ValidationError) as caught:
        create_folder(space, member, "outils")
    assert caught.value.message_dict == {
        "name": ["Un dossier de ce nom existe déjà à cet endroit."]
    }


def test_same_name_under_another_parent_is_fine(space, member):
    a = create_folder(space, member, "A")
    b = create_folder(space, member, "B")
    create_folder(space, member, "Annexes", parent=a)
    assert create_folder(space, member, "Annexes", parent=b).parent == b


@pytest.mark.parametrize("name", ["", "   ", "a/b", "x" * 121])
def test_bad_folder_names_are_refused_in_french(space, member, name):
    with pytest.raises(ValidationError) as caught:
        create_folder(space, member, name)
    assert "name" in caught.value.message_dict


def test_parent_from_another_space_is_refused(space, other_space, member):
    foreign = Folder.objects.create(space=other_space, name="Ailleurs")
    with pytest.raises(ValidationError):
        create_folder(space, member, "Ici", parent=foreign)


def test_outsider_gets_404(space, outsider):
    with pytest.raises(Http404):
        create_folder(space, outsider, "Intrus")


def test_only_moderators_rename_and_delete_folders(space, member, moderator):
    folder = create_folder(space, member, "Ressources")
    with pytest.raises(PermissionDenied):
        rename_folder(folder, member, "Autre")
    assert rename_folder(folder, moderator, "Ressources utiles").name == "Ressources utiles"


def test_deleting_a_folder_keeps_its_documents_at_the_root(space, member, moderator):
    folder = create_folder(space, member, "Ressources")
    sub = create_folder(space, member, "Sous-dossier", parent=folder)
    document = make_document(space, member, folder=sub)
    delete_folder(folder, moderator)
    document.refresh_from_db()
    assert document.folder is None
    assert Document.objects.filter(pk=document.pk).exists()
    assert not Folder.objects.exists()


def test_folder_cannot_become_its_own_ancestor(space, member):
    parent = create_folder(space, member, "Parent")
    child = create_folder(space, member, "Enfant", parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()
