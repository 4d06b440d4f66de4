"""With sessions read from the cache (``cached_db``, the production setting when REDIS_URL is
set), logging out, deactivation and removal still take effect on the very next request."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from extranet.spaces.models import Membership
from extranet.spaces.services import remove_member

from .conftest import assert_login_redirect, space_url

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("cached_sessions"),
]


@pytest.fixture
def cached_sessions():
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db"):
        yield


def test_a_logged_out_session_is_refused_on_the_next_request(client, member, furnished):
    client.force_login(member)
    home = space_url("space_home", furnished.space)
    assert client.get(home).status_code == 200
    cookie = client.cookies["sessionid"].value
    client.post(reverse("extranet:logout"))
    client.cookies["sessionid"] = cookie  # replaying the old cookie
    assert_login_redirect(client.get(home))


def test_deactivation_and_removal_take_effect_on_the_next_request(client, member, owner, furnished):
    space = furnished.space
    topic_url = space_url("topic_detail", space, pk=furnished.topic.pk)
    client.force_login(member)
    assert client.get(topic_url).status_code == 200
    remove_member(by=owner, membership=Membership.objects.get(user=member, space=space))
    assert client.get(topic_url).status_code == 404

    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    assert_login_redirect(client.get(reverse("extranet:my_spaces")))
