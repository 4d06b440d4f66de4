"""Public media: the image library is served with DEBUG off; nothing else under MEDIA_ROOT is,
and documents (private collections among them) are not stored there at all."""

from pathlib import Path

import pytest
from django.test import override_settings

from tests.factories.cms import make_document, make_image, make_private_collection

pytestmark = pytest.mark.django_db


def test_an_original_image_is_served_with_debug_off(client, settings):
    assert settings.DEBUG is False
    image = make_image()
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_rendition_is_served_with_debug_off(client):
    rendition = make_image().get_rendition("fill-200x100")
    assert rendition.url.startswith("/media/images/")
    assert client.get(rendition.url).status_code == 200


def test_wagtail_documents_are_stored_outside_the_public_media(settings):
    document = make_document(collection=make_private_collection())
    path = Path(document.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.read_bytes().startswith(b"%PDF")


def test_a_document_name_under_media_is_a_404(client):
    document = make_document(collection=make_private_collection())
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_private_document_is_served_only_through_the_permission_checking_view(client):
    document = make_document(collection=make_private_collection())
    response = client.get(document.url)
    assert document.url.startswith("/documents/")
    # Wagtail's serve view asks for the collection's login (a redirect), never the file.
    assert response.status_code in {302, 403, 404}


def test_other_files_under_media_root_are_not_served(client, settings):
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "secret.txt").write_text("non")
    assert client.get("/media/secret.txt").status_code == 404
    assert client.get("/media/images/../secret.txt").status_code == 404


@override_settings(MEDIA_URL="/media/")
def test_a_missing_image_is_a_404(client):
    assert client.get("/media/images/absente.png").status_code == 404
