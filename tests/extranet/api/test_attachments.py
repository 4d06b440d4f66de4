"""Attachments through the API: a separate upload (``attachments/``, the library's checks,
French refusals under "attachments"), then the post refers to it by id and links it."""

import pytest

from extranet.documents.models import Document
from extranet.forum.models import Post

from ..documents.samples import upload
from .conftest import api_url


@pytest.fixture
def client(member, as_user):
    return as_user(member)


def _attach(client, space, file):
    return client.post(api_url("attachment-list", space), {"file": file}, format="multipart")


def test_an_uploaded_attachment_is_a_document_of_the_space_with_its_links(client, space):
    response = _attach(client, space, upload("Bilan.pdf"))
    assert response.status_code == 201
    data = response.json()
    document = Document.objects.get(pk=data["document"]["id"])
    assert (document.space, document.folder.name) == (space, "Pièces jointes")
    url = document.get_absolute_url()
    assert data["markdown"].endswith(f"]({url})")
    assert data["html"].startswith(f'<a href="{url}">📎 Bilan.pdf')


def test_a_refused_attachment_answers_400_in_french_and_stores_nothing(client, space):
    response = _attach(client, space, upload("script.exe", b"MZ\x90"))
    assert response.status_code == 400
    assert response.json()["attachments"][0].startswith("« script.exe » :")
    assert not Document.objects.filter(folder__name="Pièces jointes").exists()


def test_an_attachment_without_a_file_answers_400_under_attachments(client, space):
    response = client.post(api_url("attachment-list", space), {}, format="multipart")
    assert response.status_code == 400
    assert list(response.json()) == ["attachments"]


def test_outsiders_get_404_from_the_attachments_of_a_space(as_user, outsider, space):
    response = _attach(as_user(outsider), space, upload("Bilan.pdf"))
    assert response.status_code == 404


def test_a_reply_refers_to_attachments_by_id_and_links_them(client, space, furnished):
    document_id = _attach(client, space, upload("Bilan.pdf")).json()["document"]["id"]
    response = client.post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Le bilan", "format": "markdown", "attachments": [document_id]},
        format="json",
    )
    assert response.status_code == 201
    url = Document.objects.get(pk=document_id).get_absolute_url()
    assert f'href="{url}"' in response.json()["body"]


def test_a_new_topic_refers_to_attachments_and_links_them_in_html(client, space):
    document_id = _attach(client, space, upload("Bilan.pdf")).json()["document"]["id"]
    response = client.post(
        api_url("topic-list", space),
        {"title": "Bilan", "body": "<p>Voir</p>", "attachments": [document_id]},
        format="json",
    )
    assert response.status_code == 201
    post = Post.objects.get(topic__title="Bilan")
    assert Document.objects.get(pk=document_id).get_absolute_url() in post.body


def test_a_post_cannot_refer_to_a_document_of_another_space(
    client, space, furnished, furnished_other
):
    response = client.post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Voir", "attachments": [furnished_other.document.pk]},
        format="json",
    )
    assert response.status_code == 400
    assert "attachments" in response.json()
