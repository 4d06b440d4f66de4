"""An archived space stays readable by its members and takes no contribution."""

import pytest

from extranet.documents.models import Document
from extranet.forum.models import Post
from tests.extranet.documents.samples import upload

from .conftest import space_url


@pytest.fixture
def archived(furnished):
    furnished.space.is_archived = True
    furnished.space.save(update_fields=["is_archived"])
    return furnished


def test_members_read_an_archived_space_without_contribution_forms(client, member, archived):
    space = archived.space
    client.force_login(member)

    home = client.get(space_url("space_home", space)).content.decode()
    topic = client.get(space_url("topic_detail", space, pk=archived.topic.pk)).content.decode()

    assert "Cet espace est archivé" in home
    assert space_url("topic_create", space) not in home
    assert archived.topic.title in home
    assert 'name="body"' not in topic


def test_archived_space_refuses_replies_and_uploads_with_the_reason(client, member, archived):
    space = archived.space
    client.force_login(member)

    reply = client.post(space_url("topic_detail", space, pk=archived.topic.pk), {"body": "Tard"})
    deposit = client.post(space_url("document_upload", space), {"file": upload("Tard.pdf")})

    for response in (reply, deposit):
        assert response.status_code == 403
        assert "Cet espace est archivé" in response.content.decode()
    assert not Post.objects.filter(body__contains="Tard").exists()
    assert Document.objects.filter(space=space).count() == 1
