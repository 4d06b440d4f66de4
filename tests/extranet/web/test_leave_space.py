"""Leaving a space of one's own accord: confirmation, access gone at once, posts kept, and
the last owner kept (an ownerless space could not be edited or handed over)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils.html import escape

from extranet.forum.models import Post
from extranet.spaces import permissions, services
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from tests.factories.extranet import make_member, make_topic

from .conftest import assert_login_redirect, space_url


def test_a_member_is_asked_to_confirm_before_leaving(client, member, space):
    client.force_login(member)

    page = client.get(space_url("member_leave", space)).content.decode()

    assert f"Quitter l'espace « {escape(space.name)} » ?" in page
    assert Membership.objects.filter(space=space, user=member).exists()


def test_the_directory_offers_to_leave_only_to_those_who_may(client, member, owner, space):
    client.force_login(member)
    assert "Quitter l'espace" in client.get(space_url("member_list", space)).content.decode()
    client.force_login(owner)  # the space's only owner
    assert "Quitter l'espace" not in client.get(space_url("member_list", space)).content.decode()


def test_a_member_who_leaves_loses_access_at_once_and_keeps_their_posts(client, member, space):
    topic = make_topic(space, author=member, body="Retour d'expérience du CLSPD")
    client.force_login(member)
    listed = f'href="{space_url("space_home", space)}"'
    assert listed in client.get("/extranet/").content.decode()  # my spaces, now cached

    response = client.post(space_url("member_leave", space), follow=True)

    assert response.redirect_chain[-1][0] == "/extranet/"
    page = response.content.decode()
    assert f"Vous avez quitté l&#x27;espace « {escape(space.name)} »." in page
    assert listed not in page  # my spaces no longer lists it
    assert client.get(space_url("space_home", space)).status_code == 404
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert Post.objects.filter(topic=topic, author=member).exists()


def test_the_last_owner_cannot_leave_and_is_told_why(client, owner, space):
    client.force_login(owner)

    response = client.post(space_url("member_leave", space))

    assert response.status_code == 403
    assert "nommez un·e autre responsable avant de le quitter" in response.content.decode()
    assert Membership.objects.filter(space=space, user=owner, role=Role.OWNER).exists()


def test_an_owner_may_leave_when_another_active_owner_remains(client, owner, space):
    make_member(space, Role.OWNER)
    client.force_login(owner)

    response = client.post(space_url("member_leave", space))

    assert response.status_code == 302
    assert not Membership.objects.filter(space=space, user=owner).exists()


def test_a_deactivated_co_owner_does_not_count_as_remaining_owner(owner, space):
    make_member(space, Role.OWNER, is_active=False)
    assert not permissions.can_leave_space(owner, space)


def test_outsiders_get_404_and_anonymous_visitors_the_login_page(client, outsider, space):
    assert_login_redirect(client.post(space_url("member_leave", space)))
    client.force_login(outsider)
    assert client.get(space_url("member_leave", space)).status_code == 404
    assert client.post(space_url("member_leave", space)).status_code == 404


def test_staff_without_membership_cannot_leave_what_they_never_joined(staff, space):
    assert not permissions.can_leave_space(staff, space)
    with pytest.raises(PermissionDenied):
        services.leave_space(user=staff, space=space)
