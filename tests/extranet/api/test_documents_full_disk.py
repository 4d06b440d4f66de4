"""An upload the disk cannot store answers JSON in French, 413 with ``Retry-After`` (full or
read-only: a client-visible, temporary refusal, never a 5xx), with no partial file and no
row — never Django's HTML 500."""

import pytest

from extranet.documents.models import Document
from tests.extranet.documents.disk_faults import full_disk, read_only_disk, stored_files
from tests.extranet.documents.samples import pdf_bytes, upload
from tests.factories.extranet import make_document

from .conftest import api_url

pytestmark = pytest.mark.faults


@pytest.fixture
def client(member, as_user):
    return as_user(member)


def deposit(client, space):
    file = upload("Bilan.pdf", pdf_bytes("Compte rendu " * 2000))
    return client.post(api_url("document-list", space), {"file": file}, format="multipart")


def test_a_full_disk_answers_413_in_french_and_keeps_nothing(client, space, settings, monkeypatch):
    full_disk(monkeypatch, settings, room=1000)
    response = deposit(client, space)
    assert response.status_code == 413
    assert response["Retry-After"] == "600"
    assert response.json()["detail"].startswith("Le serveur n'a plus de place")
    assert response.json()["reason"] == "stockage_plein"
    assert stored_files(settings) == []
    assert not Document.objects.exists()


def test_a_read_only_disk_answers_413_to_retry_later(client, space, settings, monkeypatch):
    read_only_disk(monkeypatch, settings)
    response = deposit(client, space)
    assert response.status_code == 413
    assert response["Retry-After"] == "600"
    assert response.json()["reason"] == "stockage_indisponible"
    assert response.json()["detail"].startswith("Le serveur ne peut pas enregistrer")
    assert not Document.objects.exists()


def test_a_new_version_on_a_full_disk_answers_413_and_changes_nothing(
    client, space, member, settings, monkeypatch
):
    document = make_document(space, member)
    before = stored_files(settings)
    full_disk(monkeypatch, settings, room=1000)
    file = upload("Bilan v2.pdf", pdf_bytes("Version 2 " * 2000))
    response = client.post(
        api_url("document-versions", space, pk=document.pk), {"file": file}, format="multipart"
    )
    assert response.status_code == 413
    assert document.versions.count() == 1
    assert stored_files(settings) == before
