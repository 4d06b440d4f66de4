"""The documents library through the UI: refused uploads store nothing and say why in French,
new versions, downloads as attachments (nosniff), 404 for outsiders."""

import os

import pytest

from extranet.documents.models import Document, DocumentVersion
from tests.extranet.documents.samples import image_bytes, pdf_bytes, upload
from tests.factories.extranet import make_document

from .conftest import space_url


def _stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return [os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names]


@pytest.fixture
def library(client, member, space, settings):
    client.force_login(member)
    return space_url("document_upload", space)


REFUSALS = [
    pytest.param(
        upload("Rapport annuel.pdf", b"%PDF-" + b"x" * 2000),
        "Le fichier est trop volumineux",
        id="oversized",
    ),
    pytest.param(
        upload("installer.exe", b"MZ\x90\x00"),
        "Ce type de fichier n'est pas accepté",
        id="forbidden-type",
    ),
    pytest.param(
        upload("photo de la rencontre.png", pdf_bytes()),
        "Le contenu du fichier ne correspond pas à son extension .png",
        id="type-mismatch-pdf-as-png",
    ),
    pytest.param(
        upload("compte-rendu.pdf", image_bytes("PNG")),
        "ce n&#x27;est pas un PDF",
        id="type-mismatch-png-as-pdf",
    ),
    pytest.param(
        upload("facture\u202efdp.exe", pdf_bytes()),
        "Ce type de fichier n'est pas accepté",
        id="hostile-name-rtl-override",
    ),
    pytest.param(
        upload("rapport.pdf.exe", pdf_bytes()),
        "Ce type de fichier n'est pas accepté",
        id="hostile-name-double-extension",
    ),
    pytest.param(upload("...", pdf_bytes()), "n'est pas utilisable", id="hostile-name-dots-only"),
    pytest.param(upload("vide.pdf", b""), "Le fichier est vide", id="empty"),
]


@pytest.mark.parametrize(("uploaded", "reason"), REFUSALS)
def test_refused_upload_shows_the_reason_and_stores_nothing(
    client, library, settings, uploaded, reason
):
    settings.EXTRANET_DOCUMENT_MAX_SIZE = 1000
    response = client.post(library, {"file": uploaded, "title": "Essai"})

    assert response.status_code == 200
    page = response.content.decode()
    assert reason.replace("'", "&#x27;") in page or reason in page
    assert "Le document n&#x27;a pas été déposé" in page
    assert 'id="id_file_error"' in page  # the reason sits next to the field…
    assert 'aria-describedby="id_file_helptext id_file_error"' in page  # …and is tied to it
    assert Document.objects.count() == 0
    assert DocumentVersion.objects.count() == 0
    assert _stored_files(settings) == []


def test_upload_without_a_file_asks_for_one(client, library):
    response = client.post(library, {"title": "Sans fichier"})
    assert "Choisissez un fichier à déposer." in response.content.decode()
    assert Document.objects.count() == 0


def test_accepted_upload_goes_to_the_document_page_with_a_message(client, library, space, settings):
    response = client.post(library, {"file": upload("Ordre du jour.pdf"), "title": ""}, follow=True)

    document = Document.objects.get()
    assert document.space == space
    assert document.title == "Ordre du jour"
    assert response.redirect_chain[-1][0] == space_url("document_detail", space, pk=document.pk)
    assert "Le document « Ordre du jour » a été déposé." in response.content.decode()
    stored = _stored_files(settings)
    assert len(stored) == 1
    assert stored[0].startswith(str(settings.PRIVATE_MEDIA_ROOT))


def test_hostile_but_acceptable_name_is_sanitised_and_escaped(client, library, space):
    client.post(library, {"file": upload("<img src=x onerror=alert(1)>.pdf")})
    document = Document.objects.get()
    assert "<" not in document.current_version.original_name
    page = client.get(space_url("document_detail", space, pk=document.pk)).content.decode()
    assert "<img src=x" not in page


def test_download_is_an_attachment_with_nosniff(client, member, space):
    document = make_document(space, name="Synthèse des échanges.pdf")
    client.force_login(member)

    response = client.get(space_url("document_download", space, pk=document.pk))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=UTF-8''Synth%C3%A8se%20des%20%C3%A9changes.pdf"
        in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_outsider_download_is_404(client, outsider, space):
    document = make_document(space)
    client.force_login(outsider)
    response = client.get(space_url("document_download", space, pk=document.pk))
    assert response.status_code == 404
    assert "Content-Disposition" not in response


def test_document_of_another_space_is_404_under_this_space(client, member, space, other_space):
    foreign = make_document(other_space)
    client.force_login(member)
    assert client.get(space_url("document_download", space, pk=foreign.pk)).status_code == 404
    assert client.get(space_url("document_detail", space, pk=foreign.pk)).status_code == 404


def test_replacing_the_file_adds_a_version_and_keeps_the_old_one(client, member, space):
    document = make_document(space, uploader=member, name="Planning.txt", content=b"v1\n")
    client.force_login(member)

    response = client.post(
        space_url("document_replace", space, pk=document.pk),
        {"file": upload("Planning.txt", b"v2\n")},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    first, second = document.versions.order_by("number")
    assert document.current_version == second
    current = client.get(space_url("document_download", space, pk=document.pk))
    old = client.get(
        space_url("document_version_download", space, pk=document.pk, version_pk=first.pk)
    )
    assert b"".join(current.streaming_content) == b"v2\n"
    assert b"".join(old.streaming_content) == b"v1\n"


def test_refused_replacement_keeps_the_current_version(client, member, space, settings):
    document = make_document(space, uploader=member, name="Planning.txt", content=b"v1\n")
    client.force_login(member)
    files_before = _stored_files(settings)

    response = client.post(
        space_url("document_replace", space, pk=document.pk),
        {"file": upload("Planning.txt", b"\x00\x01binaire")},
    )

    assert response.status_code == 200
    assert "Le fichier n&#x27;a pas été remplacé" in response.content.decode()
    assert document.versions.count() == 1
    assert _stored_files(settings) == files_before


def test_member_cannot_replace_someone_elses_document(client, member, space):
    document = make_document(space)
    client.force_login(member)
    response = client.post(
        space_url("document_replace", space, pk=document.pk), {"file": upload("Autre.pdf")}
    )
    assert response.status_code == 403
    assert document.versions.count() == 1


def test_version_of_another_document_is_404(client, member, space):
    first = make_document(space)
    second = make_document(space, name="Autre.pdf")
    client.force_login(member)
    url = space_url(
        "document_version_download",
        space,
        pk=first.pk,
        version_pk=second.current_version.pk,
    )
    assert client.get(url).status_code == 404


def test_library_lists_documents_by_folder(client, member, space):
    client.force_login(member)
    client.post(space_url("folder_create", space), {"name": "Comptes rendus"}, follow=True)
    folder = space.folders.get()
    client.post(
        space_url("document_upload", space),
        {"file": upload("CR mars.pdf"), "folder": folder.pk},
        follow=True,  # the success message is read on the next page
    )
    make_document(space, name="À la racine.pdf")

    root = client.get(space_url("document_list", space)).content.decode()
    inside = client.get(space_url("folder_detail", space, folder_pk=folder.pk)).content.decode()

    assert "Comptes rendus" in root and "À la racine" in root and "CR mars" not in root
    assert "CR mars" in inside and "À la racine" not in inside
