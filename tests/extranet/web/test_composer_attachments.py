"""Attaching files while writing, in the UI: the plain file input of the form (no JavaScript)
and the upload the composer's « Joindre un fichier » makes (JSON answers, French refusals)."""

from html import unescape

import pytest

from extranet.documents.models import Document
from extranet.forum.models import Post
from tests.extranet.documents.disk_faults import full_disk
from tests.extranet.documents.samples import upload

from .conftest import space_url

pytestmark = pytest.mark.django_db


def test_a_reply_with_files_links_them_as_documents_of_the_space(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    response = client.post(
        space_url("topic_detail", space, pk=topic.pk),
        {"body": "Le bilan est joint.", "attachments": [upload("Bilan.pdf"), upload("Plan.png")]},
        follow=True,
    )
    documents = list(Document.objects.filter(folder__name="Pièces jointes").order_by("pk"))
    assert len(documents) == 2
    assert [d.folder.name for d in documents] == ["Pièces jointes"] * 2
    post = topic.posts.order_by("-pk").first()
    html = response.content.decode()
    for document in documents:
        assert document.get_absolute_url() in post.body
        assert f'href="{document.get_absolute_url()}"' in html


def test_a_new_topic_with_a_file_links_it(client, member, space):
    client.force_login(member)
    client.post(
        space_url("topic_create", space),
        {"title": "Bilan", "body": "Voir la pièce jointe.", "attachments": upload("Bilan.pdf")},
    )
    post = Post.objects.get(topic__title="Bilan")
    assert Document.objects.get(folder__name="Pièces jointes").get_absolute_url() in post.body


def test_the_composer_forms_are_multipart_with_a_file_input_for_who_may_deposit(
    client, member, furnished
):
    client.force_login(member)
    for url in (
        space_url("topic_create", furnished.space),
        space_url("topic_detail", furnished.space, pk=furnished.topic.pk),
    ):
        html = client.get(url).content.decode()
        assert 'enctype="multipart/form-data"' in html
        attach_url = space_url("post_attachment_upload", furnished.space)
        assert f'type="file" name="attachments" data-attach-url="{attach_url}"' in html


def test_a_refused_file_shows_the_form_again_in_french_and_publishes_nothing(
    settings, client, member, furnished
):
    space, topic = furnished.space, furnished.topic
    before = topic.posts.count()
    client.force_login(member)
    response = client.post(
        space_url("topic_detail", space, pk=topic.pk),
        {"body": "Mon texte", "attachments": upload("virus.exe", b"MZ\x90")},
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "« virus.exe » :" in html and "Mon texte" in html
    assert topic.posts.count() == before
    assert not Document.objects.filter(folder__name="Pièces jointes").exists()


def test_a_full_disk_while_replying_keeps_the_text_and_says_so(
    monkeypatch, settings, client, member, furnished
):
    space, topic = furnished.space, furnished.topic
    before = topic.posts.count()
    client.force_login(member)
    full_disk(monkeypatch, settings, room=10)
    response = client.post(
        space_url("topic_detail", space, pk=topic.pk),
        {"body": "Mon texte", "attachments": upload("Bilan.pdf")},
    )
    assert "Le serveur n'a plus de place" in unescape(response.content.decode())
    assert topic.posts.count() == before
    assert not Document.objects.filter(folder__name="Pièces jointes").exists()


# --- « Joindre un fichier » (the script's upload) ----------------------------------------


def test_the_upload_answers_the_link_to_insert(client, member, space):
    client.force_login(member)
    response = client.post(
        space_url("post_attachment_upload", space), {"file": upload("Bilan.pdf")}
    )
    assert response.status_code == 201
    document = Document.objects.get(space=space, folder__name="Pièces jointes")
    answer = response.json()
    assert answer["name"] == "Bilan.pdf"
    assert answer["markdown"].startswith("[📎 Bilan.pdf (")
    assert answer["markdown"].endswith(f"]({document.get_absolute_url()})")


def test_a_refused_upload_answers_the_french_reason_as_json(client, member, space):
    client.force_login(member)
    response = client.post(
        space_url("post_attachment_upload", space), {"file": upload("vide.pdf", b"")}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["attachments"][0].startswith("« vide.pdf » :")


def test_an_upload_without_a_file_is_a_400(client, member, space):
    client.force_login(member)
    response = client.post(space_url("post_attachment_upload", space), {})
    assert response.status_code == 400
    assert response.json() == {"errors": {"attachments": ["Choisissez un fichier à joindre."]}}


def test_outsiders_get_a_404_from_the_upload(client, outsider, space):
    client.force_login(outsider)
    response = client.post(
        space_url("post_attachment_upload", space), {"file": upload("Bilan.pdf")}
    )
    assert response.status_code == 404
    assert not Document.objects.exists()


def test_an_archived_space_takes_no_attachment(client, member, space):
    space.is_archived = True
    space.save(update_fields=["is_archived"])
    client.force_login(member)
    response = client.post(
        space_url("post_attachment_upload", space), {"file": upload("Bilan.pdf")}
    )
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Document.objects.exists()


def test_a_full_disk_answers_the_upload_with_413_and_retry_after(
    monkeypatch, settings, client, member, space
):
    client.force_login(member)
    full_disk(monkeypatch, settings, room=10)
    response = client.post(
        space_url("post_attachment_upload", space), {"file": upload("Bilan.pdf")}
    )
    assert response.status_code == 413
    assert response["Retry-After"]
    assert response.json()["reason"] == "stockage_plein"
    assert not Document.objects.exists()
