"""Losing access takes effect on the very next request of an open session."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from extranet.spaces.models import Membership
from extranet.spaces.services import remove_member

from .conftest import assert_login_redirect, space_url


def test_removed_member_gets_404_on_the_very_next_request(client, member, owner, furnished):
    space = furnished.space
    client.force_login(member)
    pages = [
        space_url("space_home", space),
        space_url("topic_detail", space, pk=furnished.topic.pk),
        space_url("document_download", space, pk=furnished.document.pk),
        space_url("member_list", space),
    ]
    assert [client.get(url).status_code for url in pages] == [200, 200, 200, 200]

    remove_member(by=owner, membership=Membership.objects.get(user=member, space=space))

    assert [client.get(url).status_code for url in pages] == [404, 404, 404, 404]


def test_member_removed_through_the_members_page_loses_access_at_once(
    client, member, moderator, furnished
):
    space = furnished.space
    membership = Membership.objects.get(user=member, space=space)
    client.force_login(moderator)
    response = client.post(space_url("member_remove", space, pk=membership.pk))
    assert response.status_code == 302

    client.force_login(member)
    assert client.get(space_url("space_home", space)).status_code == 404


def test_deactivated_member_is_sent_to_login_on_the_next_request(client, member, furnished):
    space = furnished.space
    client.force_login(member)
    assert client.get(space_url("space_home", space)).status_code == 200

    get_user_model().objects.filter(pk=member.pk).update(is_active=False)

    assert_login_redirect(client.get(space_url("space_home", space)))
    assert_login_redirect(client.get(reverse("extranet:my_spaces")))


def test_unknown_space_and_hidden_space_answer_the_same_404(client, outsider, furnished):
    client.force_login(outsider)
    hidden = client.get(space_url("space_home", furnished.space))
    unknown = client.get("/extranet/espace-qui-n-existe-pas/")
    assert hidden.status_code == unknown.status_code == 404
    for response in (hidden, unknown):
        page = response.content.decode()
        assert "Espace introuvable." in page
        assert furnished.space.name not in page
