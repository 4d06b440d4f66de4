"""Shared data for the web UI tests: a topic, posts and a document in each of the two spaces.

Role fixtures (`member`, `moderator`, `owner`, `outsider`, …) and the two spaces come from
tests/extranet/conftest.py.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from extranet.spaces.models import Membership
from tests.factories.extranet import MeetingFactory, make_document, make_member, make_topic


def space_url(name, space, **kwargs):
    return reverse(f"extranet:{name}", kwargs={"slug": space.slug, **kwargs})


def furnish(space):
    """A topic opened by a plain member (its first post is "someone else's post" for the
    roles), a plain member to remove or promote, a document and an upcoming meeting."""
    author = make_member(space, first_name="Noor", last_name="Autrice")
    topic = make_topic(
        space,
        author=author,
        title="Marginalité et tranquillité publique",
        body="Comment travaillez-vous avec les bailleurs ?",
    )
    target = make_member(space, first_name="Eden", last_name="Cible")
    return SimpleNamespace(
        space=space,
        topic=topic,
        others_post=topic.posts.get(),
        target=Membership.objects.get(space=space, user=target),
        document=make_document(space, uploader=author, name="Compte rendu CLSPD.pdf"),
        meeting=MeetingFactory(space=space, title="Rencontre des coordinateur·rice·s"),
    )


@pytest.fixture
def furnished(space):
    return furnish(space)


@pytest.fixture
def furnished_other(other_space):
    return furnish(other_space)


@pytest.fixture
def login(client):
    """`login(user)` logs the test client in (anonymous stays logged out); returns the client."""

    def _login(user):
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return _login


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("extranet:login") + "?next=")
