"""Documents through the API: the same checks as the web (nothing stored when refused, the
reason in French under "file"), versions, and the same download response."""

from pathlib import Path

import pytest
from django.urls import reverse

from extranet.documents.models import Document, DocumentVersion

from ..documents.samples import image_bytes, pdf_bytes, upload
from .conftest import api_url


def stored_files(root):
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def client(member, as_user):
    return as_user(member)


def _upload(client, space, file, **fields):
    return client.post(
        api_url("document-list", space), {"file": file, **fields}, format="multipart"
    )


def test_member_deposits_a_document_and_gets_it_back(client, space, member, settings):
    response = _upload(client, space, upload("Bilan 2023.pdf"), description="Bilan annuel")
    assert response.status_code == 201
    data = response.json()
    assert data["title"] == "Bilan 2023"
    assert data["uploader"]["id"] == member.pk
    assert data["current_version"]["original_name"] == "Bilan 2023.pdf"
    assert data["current_version"]["content_type"] == "application/pdf"
    assert [version["number"] for version in data["versions"]] == [1]
    assert len(stored_files(settings.PRIVATE_MEDIA_ROOT)) == 1
    assert stored_files(settings.MEDIA_ROOT) == []


REFUSALS = [
    pytest.param(upload("vide.pdf", b""), "Le fichier est vide.", id="empty"),
    pytest.param(
        upload("programme.exe", b"MZ\x90\x00"), "Ce type de fichier n'est pas accepté", id="type"
    ),
    pytest.param(
        upload("photo.pdf", image_bytes("PNG")),
        "Le contenu du fichier ne correspond pas à son extension .pdf",
        id="pdf-is-an-image",
    ),
    pytest.param(
        upload("rapport.png", pdf_bytes()),
        "Le contenu du fichier ne correspond pas à son extension .png",
        id="png-is-a-pdf",
    ),
    pytest.param(upload("...", pdf_bytes()), "Le nom du fichier n'est pas utilisable", id="name"),
    pytest.param(
        upload("facture\u202egpj.exe", b"MZ"), "Ce type de fichier n'est pas accepté", id="rtl"
    ),
]


@pytest.mark.parametrize(("file", "reason"), REFUSALS)
def test_refused_upload_stores_nothing_and_says_why(client, space, settings, file, reason):
    response = _upload(client, space, file, title="Refusé")
    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert response.json()["file"][0].startswith(reason)
    assert not Document.objects.filter(space=space).exists()
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_oversized_upload_is_refused_with_the_limit(client, space, settings):
    settings.EXTRANET_DOCUMENT_MAX_SIZE = 1024
    response = _upload(client, space, upload("gros.pdf", b"%PDF-" + b"0" * 2048))
    assert response.status_code == 400
    assert "trop volumineux" in response.json()["file"][0]
    assert "1,0\xa0Kio" in response.json()["file"][0] or "1024" in response.json()["file"][0]
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_hostile_name_is_sanitised_and_never_reaches_the_disk(client, space):
    response = _upload(client, space, upload("../../etc/<secret>.pdf"))
    assert response.status_code == 201
    version = DocumentVersion.objects.get(document_id=response.json()["id"])
    assert version.original_name == "_secret_.pdf"
    assert "secret" not in version.file.name


def test_missing_file_and_json_body_are_refused(client, space):
    response = client.post(api_url("document-list", space), {"title": "Sans fichier"})
    assert response.status_code == 400
    assert response.json() == {"file": ["Choisissez un fichier à déposer."]}
    response = client.post(api_url("document-list", space), {"file": "texte"}, format="json")
    assert response.status_code == 415
    response = client.post(api_url("document-list", space), {"file": "pas un fichier"})
    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert not Document.objects.filter(space=space).exists()


def test_folder_of_another_space_is_unknown(client, space, other_space):
    from extranet.documents.models import Folder

    folder = Folder.objects.create(space=other_space, name="Comptes rendus")
    response = _upload(client, space, upload("cr.pdf"), folder=folder.pk)
    assert response.status_code == 400
    assert list(response.json()) == ["folder"]


def test_new_version_keeps_the_earlier_ones(as_user, space, furnished):
    author = as_user(furnished.author)
    url = api_url("document-versions", space, pk=furnished.document.pk)
    response = author.post(url, {"file": upload("Compte rendu v2.pdf")}, format="multipart")
    assert response.status_code == 201
    assert response.json()["number"] == 2
    detail = author.get(api_url("document-detail", space, pk=furnished.document.pk)).json()
    assert [version["number"] for version in detail["versions"]] == [2, 1]
    assert detail["current_version"]["original_name"] == "Compte rendu v2.pdf"


def test_member_may_not_replace_someone_elses_document(client, space, furnished):
    url = api_url("document-versions", space, pk=furnished.document.pk)
    response = client.post(url, {"file": upload("Autre.pdf")}, format="multipart")
    assert response.status_code == 403
    assert "remplacer" in response.json()["detail"]
    assert furnished.document.versions.count() == 1


def test_refused_new_version_keeps_the_current_one(as_user, space, furnished, settings):
    before = stored_files(settings.PRIVATE_MEDIA_ROOT)
    url = api_url("document-versions", space, pk=furnished.document.pk)
    response = as_user(furnished.author).post(
        url, {"file": upload("v2.pdf", b"pas un pdf")}, format="multipart"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert furnished.document.versions.count() == 1
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == before


DOWNLOAD_HEADERS = [
    "Content-Type",
    "Content-Disposition",
    "Content-Length",
    "X-Content-Type-Options",
    "Content-Security-Policy",
    "Cache-Control",
]


@pytest.mark.parametrize("accept", ["*/*", "application/json", "application/pdf"])
def test_download_is_the_same_attachment_as_the_web(client, space, member, furnished, accept):
    document = furnished.document
    response = client.get(api_url("document-download", space, pk=document.pk), HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    from django.test import Client

    web = Client()
    web.force_login(member)
    page = web.get(reverse("extranet:document_download", args=[space.slug, document.pk]))
    assert {h: response[h] for h in DOWNLOAD_HEADERS} == {h: page[h] for h in DOWNLOAD_HEADERS}


def test_earlier_versions_are_downloadable_and_other_documents_versions_are_not(
    as_user, client, space, furnished, other_space
):
    document = furnished.document
    first = document.current_version
    as_user(furnished.author).post(
        api_url("document-versions", space, pk=document.pk),
        {"file": upload("v2.txt")},
        format="multipart",
    )
    url = api_url("document-version-download", space, pk=document.pk, version_pk=first.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert 'filename="Compte rendu CLSPD.pdf"' in response["Content-Disposition"]
    from tests.factories.extranet import make_document

    foreign = make_document(space, name="Autre.pdf").current_version
    url = api_url("document-version-download", space, pk=document.pk, version_pk=foreign.pk)
    response = client.get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 404
    assert response.json() == {"detail": "Document introuvable."}


def test_documents_list_filters_by_folder(as_user, client, space, furnished):
    folder = furnished.folder
    response = _upload(client, space, upload("cr.pdf"), folder=folder.pk)
    assert response.status_code == 201
    in_folder = client.get(api_url("document-list", space), {"folder": folder.pk}).json()
    at_root = client.get(api_url("document-list", space), {"folder": "root"}).json()
    everything = client.get(api_url("document-list", space)).json()
    assert [d["title"] for d in in_folder["results"]] == ["cr"]
    assert [d["title"] for d in at_root["results"]] == ["Compte rendu CLSPD"]
    assert everything["count"] == 2
