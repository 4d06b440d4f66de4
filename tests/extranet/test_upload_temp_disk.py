"""An upload too big to stay in memory is written to the temporary upload directory first,
while the body is read, before any view: when that disk is full or read-only, the site answers
a French 413 with ``Retry-After`` (a page for people, JSON for programs), leaves no temporary
file and stores nothing — never a 500 (``portal.uploads``).

The disk is real: a 1 MB tmpfs mounted for the test (root on these machines; CI must be able to
mount it, elsewhere the test is skipped), filled by the upload itself. Marked ``faults``.
"""

import os
import subprocess

import pytest

from extranet.documents.models import Document
from tests.extranet.api.conftest import api_url, token_client
from tests.extranet.documents.samples import pdf_bytes, upload
from tests.extranet.web.conftest import space_url

pytestmark = [pytest.mark.django_db, pytest.mark.faults]

#: Beyond Django's 2.5 MB kept in memory, beyond the 1 MB disk: written to disk, and fills it.
BIG = 3 * 1024 * 1024


def _mount(path, *options):
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(["size=1m", *options]), "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        message = f"cannot mount a tmpfs here: {result.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(params=["full", "read-only"])
def failing_temp_disk(request, tmp_path, settings):
    disk = tmp_path / "uploads"
    disk.mkdir()
    _mount(disk, *(["ro"] if request.param == "read-only" else []))
    settings.FILE_UPLOAD_TEMP_DIR = str(disk)
    yield request.param, disk
    subprocess.run(["umount", str(disk)], check=True)


def _big_pdf():
    return upload("Bilan annuel.pdf", pdf_bytes("Compte rendu " * (BIG // 13 + 1)))


def _left_on(disk):
    return sorted(os.listdir(disk))


def test_a_web_upload_on_a_failing_temporary_disk_answers_a_french_413_page(
    client, member, space, failing_temp_disk
):
    kind, disk = failing_temp_disk
    client.force_login(member)
    response = client.post(
        space_url("document_upload", space), {"file": _big_pdf(), "title": "Bilan"}
    )
    assert response.status_code == 413
    assert response["Retry-After"] == "600"
    page = response.content.decode()
    assert "Fichier non enregistré" in page
    reason = "n&#x27;a plus de place" if kind == "full" else "ne peut pas enregistrer"
    assert reason in page
    assert _left_on(disk) == []
    assert not Document.objects.exists()


def test_an_api_upload_on_a_failing_temporary_disk_answers_json_413(
    member, space, failing_temp_disk
):
    kind, disk = failing_temp_disk
    response = token_client(member).post(
        api_url("document-list", space), {"file": _big_pdf()}, format="multipart"
    )
    assert response.status_code == 413
    assert response["Retry-After"] == "600"
    body = response.json()
    assert body["reason"] == ("stockage_plein" if kind == "full" else "stockage_indisponible")
    assert body["detail"].startswith("Le serveur")
    assert _left_on(disk) == []
    assert not Document.objects.exists()


def test_a_script_asking_for_json_gets_the_refusal_as_json(
    client, member, space, failing_temp_disk
):
    _kind, disk = failing_temp_disk
    client.force_login(member)
    response = client.post(
        space_url("document_upload", space),
        {"file": _big_pdf(), "title": "Bilan"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["detail"].startswith("Le serveur")
    assert _left_on(disk) == []


def test_an_upload_the_temporary_disk_can_hold_is_stored_as_usual(
    client, member, space, tmp_path, settings
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    client.force_login(member)
    response = client.post(
        space_url("document_upload", space), {"file": _big_pdf(), "title": "Bilan"}
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Bilan"
    assert _left_on(tmp_path) == []  # the temporary file went with the request
