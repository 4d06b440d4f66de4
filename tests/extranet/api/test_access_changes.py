"""Removing a membership, changing a role or archiving a space takes effect on the very next
API request: nothing about access is cached beyond one request."""

from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from extranet.spaces.services import change_role

from .conftest import api_url


def test_removed_member_gets_404_on_the_next_request(member, owner, as_user, space, furnished):
    client = as_user(member)
    urls = [
        api_url("space-detail", space),
        api_url("topic-list", space),
        api_url("topic-detail", space, pk=furnished.topic.pk),
        api_url("document-download", space, pk=furnished.document.pk),
        api_url("membership-list", space),
    ]
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)

    membership = Membership.objects.get(user=member, space=space)
    response = as_user(owner).delete(api_url("membership-detail", space, pk=membership.pk))
    assert response.status_code == 204

    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    assert client.get(api_url("space-list")).json()["results"] == []


def test_demoted_moderator_loses_moderation_on_the_next_request(
    moderator, owner, as_user, space, furnished
):
    client = as_user(moderator)
    url = api_url("topic-pin", space, pk=furnished.topic.pk)
    assert client.post(url).status_code == 200
    membership = Membership.objects.get(user=moderator, space=space)
    change_role(by=owner, membership=membership, role=Role.MEMBER)
    response = client.post(api_url("topic-unpin", space, pk=furnished.topic.pk))
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Seul·e·s les animateur·rice·s de l'espace peuvent modérer."
    }


def test_archived_space_is_read_only_with_the_reason(member, as_user, space, furnished):
    space.is_archived = True
    space.save(update_fields=["is_archived"])
    client = as_user(member)
    assert client.get(api_url("topic-list", space)).status_code == 200
    response = client.post(
        api_url("topic-post-list", space, topic_pk=furnished.topic.pk),
        {"body": "Encore un mot"},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Cet espace est archivé")
    assert client.get(api_url("space-detail", space)).json()["rights"] == {
        "view": True,
        "post": False,
        "upload": False,
        "attend_meetings": False,
        "moderate": False,
        "invite": False,
        "remove_members": False,
        "manage_meetings": False,
        "edit": False,
    }


def test_a_new_member_gets_access_on_the_next_request(outsider, as_user, space):
    client = as_user(outsider)
    assert client.get(api_url("space-detail", space)).status_code == 404
    Membership.objects.create(user=outsider, space=space, role=Role.MEMBER)
    assert client.get(api_url("space-detail", space)).status_code == 200
