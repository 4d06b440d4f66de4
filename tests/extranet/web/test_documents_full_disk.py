"""Depositing on a full or read-only disk through the web: the form again, with the French
reason, no partial file, no row — never the HTML 500 page."""

import pytest

from extranet.documents.models import Document
from tests.extranet.documents.disk_faults import full_disk, read_only_disk, stored_files
from tests.extranet.documents.samples import pdf_bytes, upload
from tests.factories.extranet import make_document

from .conftest import space_url

pytestmark = pytest.mark.faults


def test_a_full_disk_shows_the_form_with_the_reason_and_keeps_nothing(
    client, member, space, settings, monkeypatch
):
    client.force_login(member)
    full_disk(monkeypatch, settings, room=1000)
    response = client.post(
        space_url("document_upload", space),
        {"file": upload("Bilan.pdf", pdf_bytes("Compte rendu " * 2000)), "title": "Bilan"},
    )
    assert response.status_code == 200
    assert "Le serveur n&#x27;a plus de place" in response.content.decode()
    assert stored_files(settings) == []
    assert not Document.objects.exists()


def test_replacing_on_a_read_only_disk_keeps_the_document_as_it_was(
    client, member, space, settings, monkeypatch
):
    document = make_document(space, member)
    before = stored_files(settings)
    client.force_login(member)
    read_only_disk(monkeypatch, settings)
    response = client.post(
        space_url("document_replace", space, pk=document.pk), {"file": upload("Autre.pdf")}
    )
    assert response.status_code == 200
    assert "Le serveur ne peut pas enregistrer" in response.content.decode()
    assert document.versions.count() == 1
    assert stored_files(settings) == before
