"""Depositing and replacing documents: private storage, nothing stored when refused, versions."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.documents.models import Document, DocumentVersion
from extranet.documents.services import add_version, delete_document, upload_document
from extranet.documents.storage import private_storage
from tests.factories.extranet import make_document, make_member

from .samples import image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def stored_files(root):
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_member_deposits_a_document_stored_under_the_private_root(settings, space, member):
    document = upload_document(space, member, upload("Bilan 2023.pdf"), title="Bilan annuel")
    version = document.current_version
    assert (document.title, document.uploader, version.number) == ("Bilan annuel", member, 1)
    assert version.original_name == "Bilan 2023.pdf"
    assert version.content_type == "application/pdf"
    path = Path(version.file.path)
    assert path.is_file()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.resolve().parents
    assert stored_files(settings.MEDIA_ROOT) == []


def test_stored_file_name_does_not_reuse_the_members_file_name(space, member):
    version = make_document(space, member, name="../../secret.pdf").current_version
    assert "secret" not in version.file.name
    assert version.file.name.startswith(f"documents/{space.pk}/")
    assert version.original_name == "secret.pdf"


def test_title_defaults_to_the_file_name_without_extension(space, member):
    assert make_document(space, member, name="Fiche expérience n°12.docx").title == (
        "Fiche expérience n°12"
    )


def test_private_storage_has_no_public_url(space, member):
    version = make_document(space, member).current_version
    with pytest.raises(NotImplementedError):
        version.file.url  # noqa: B018


def test_storage_follows_the_private_root_setting(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "ailleurs"
    assert private_storage.location == str((tmp_path / "ailleurs").resolve())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faux.pdf", b"<html>pas un pdf</html>"),
        ("photo.png", image_bytes("JPEG")),
        ("programme.exe", pdf_bytes()),
        ("vide.txt", b""),
    ],
)
def test_refused_upload_stores_nothing_and_says_why(settings, space, member, name, content):
    with pytest.raises(ValidationError) as caught:
        upload_document(space, member, upload(name, content))
    assert list(caught.value.message_dict) == ["file"]
    assert caught.value.message_dict["file"][0]  # a French reason
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_oversized_upload_is_refused_before_storage(settings, space, member):
    settings.EXTRANET_DOCUMENT_MAX_SIZE = 100
    with pytest.raises(ValidationError) as caught:
        upload_document(space, member, upload("gros.pdf", pdf_bytes()))
    assert "trop volumineux" in caught.value.message_dict["file"][0]
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_missing_file_is_a_field_error(space, member):
    with pytest.raises(ValidationError) as caught:
        upload_document(space, member, None)
    assert caught.value.message_dict == {"file": ["Choisissez un fichier à déposer."]}


@pytest.mark.parametrize("role", ["outsider", "removed_member", "inactive_member", "anonymous"])
def test_non_members_cannot_deposit_and_get_404(request, settings, space, role):
    with pytest.raises(Http404):
        upload_document(space, request.getfixturevalue(role), upload("note.txt"))
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_archived_space_takes_no_document(space, member):
    space.is_archived = True
    space.save()
    with pytest.raises(PermissionDenied):
        upload_document(space, member, upload("note.txt"))


def test_replacing_a_file_adds_a_version_and_keeps_the_old_one(space, member):
    document = make_document(space, member, name="programme.pdf")
    first = document.current_version
    second = add_version(document, member, upload("programme v2.pdf", pdf_bytes("v2")))
    document.refresh_from_db()
    assert document.current_version == second
    assert second.number == 2
    assert [v.number for v in document.versions.all()] == [2, 1]
    assert Path(first.file.path).is_file()
    assert first.sha256 != second.sha256


def test_replacement_is_checked_like_an_upload(settings, space, member):
    document = make_document(space, member)
    before = stored_files(settings.PRIVATE_MEDIA_ROOT)
    with pytest.raises(ValidationError):
        add_version(document, member, upload("faux.pdf", b"MZ\x90\x00"))
    assert document.versions.count() == 1
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == before


def test_only_uploader_or_moderator_replaces(space, member, moderator):
    document = make_document(space, member)
    with pytest.raises(PermissionDenied):
        add_version(document, make_member(space), upload("autre.pdf"))
    assert add_version(document, moderator, upload("corrigé.pdf")).number == 2


def test_outsider_replacing_gets_404(space, member, outsider):
    document = make_document(space, member)
    with pytest.raises(Http404):
        add_version(document, outsider, upload("autre.pdf"))


def test_deleting_a_document_removes_its_files_after_commit(
    settings, space, member, django_capture_on_commit_callbacks
):
    document = make_document(space, member)
    add_version(document, member, upload("v2.pdf"))
    assert len(stored_files(settings.PRIVATE_MEDIA_ROOT)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        delete_document(document, member)
    assert not Document.objects.exists()
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_member_cannot_delete_someone_elses_document(space, member):
    document = make_document(space, member)
    with pytest.raises(PermissionDenied):
        delete_document(document, make_member(space))
    assert Document.objects.filter(pk=document.pk).exists()


def test_folder_of_another_space_is_refused(space, other_space, member):
    from extranet.documents.models import Folder

    foreign = Folder.objects.create(space=other_space, name="Ailleurs")
    with pytest.raises(ValidationError) as caught:
        upload_document(space, member, upload("note.txt"), folder=foreign)
    assert "folder" in caught.value.message_dict
