"""A full or read-only disk loses nothing and leaves nothing: the upload is refused with a
French reason (``StorageUnavailable``), no partial file stays on disk, no row in the base,
and the document's earlier versions are untouched."""

import logging
import os

import pytest

from extranet.documents.models import Document, DocumentVersion
from extranet.documents.services import StorageUnavailable, add_version, upload_document
from tests.factories.extranet import make_document

from .disk_faults import full_disk, read_only_disk, stored_files
from .samples import pdf_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.faults]

BIG_PDF = pdf_bytes("Compte rendu " * 2000)  # several chunks: the disk fills mid-file


def test_a_disk_full_mid_file_keeps_no_partial_file_and_no_row(
    space, member, settings, monkeypatch, caplog
):
    disk = full_disk(monkeypatch, settings, room=1000)
    with caplog.at_level(logging.ERROR), pytest.raises(StorageUnavailable) as refused:
        upload_document(space, member, upload("Bilan.pdf", BIG_PDF))

    assert disk.partial_writes == 1  # the write did start, and failed part-way
    assert refused.value.no_space
    assert refused.value.message.startswith("Le serveur n'a plus de place")
    assert stored_files(settings) == []
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert any("Dépôt refusé" in record.message for record in caplog.records)


def test_a_new_version_on_a_full_disk_leaves_the_document_as_it_was(
    space, member, settings, monkeypatch
):
    document = make_document(space, member)
    before = stored_files(settings)
    full_disk(monkeypatch, settings, room=1000)

    with pytest.raises(StorageUnavailable):
        add_version(document, member, upload("Bilan v2.pdf", BIG_PDF))

    document.refresh_from_db()
    assert document.versions.count() == 1
    assert document.current_version.number == 1
    assert stored_files(settings) == before
    assert os.path.getsize(document.current_version.file.path) > 0


def test_a_read_only_disk_refuses_with_its_own_reason(space, member, settings, monkeypatch):
    read_only_disk(monkeypatch, settings)
    with pytest.raises(StorageUnavailable) as refused:
        upload_document(space, member, upload("Bilan.pdf"))
    assert not refused.value.no_space
    assert refused.value.message.startswith("Le serveur ne peut pas enregistrer")
    assert stored_files(settings) == []
    assert not Document.objects.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through directory permissions")
def test_a_really_read_only_directory_keeps_nothing(space, member, settings):
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    settings.PRIVATE_MEDIA_ROOT.chmod(0o555)
    try:
        with pytest.raises(StorageUnavailable):
            upload_document(space, member, upload("Bilan.pdf"))
    finally:
        settings.PRIVATE_MEDIA_ROOT.chmod(0o755)
    assert stored_files(settings) == []
    assert not Document.objects.exists()
