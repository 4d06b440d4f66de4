"""Shared data for the API tests: a furnished space (topic, posts, document, meeting, a member
to act on) for each of the two spaces, and API clients authenticated as a given user.

Role fixtures (`member`, `moderator`, `owner`, `outsider`, `removed_member`, `staff`,
`inactive_member`, `anonymous`) and the two spaces come from tests/extranet/conftest.py.
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from extranet.documents.services import create_folder
from extranet.forum.services import hide_post
from extranet.spaces.models import Membership
from tests.factories.extranet import (
    MeetingFactory,
    make_document,
    make_member,
    make_reply,
    make_topic,
)
from tests.factories.users import StaffFactory


def api_url(name, space=None, **kwargs):
    if space is not None:
        kwargs["space_slug"] = space.slug
    return reverse(f"extranet_api:{name}", kwargs=kwargs)


def token_client(user):
    """An API client sending `user`'s token (anonymous visitors send none)."""
    client = APIClient()
    if getattr(user, "pk", None) is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def furnish(space):
    """A topic opened by a plain member (its first post is "someone else's post" for the
    roles), a hidden reply, a plain member to remove or promote, a document, an upcoming
    meeting, and a folder with a sub-folder (both empty: the document stays at the root)."""
    author = make_member(space, first_name="Noor", last_name="Autrice")
    topic = make_topic(
        space,
        author=author,
        title="Marginalité et tranquillité publique",
        body="Comment travaillez-vous avec les bailleurs ?",
    )
    others_post = topic.posts.get()
    hidden = make_reply(topic, author=author, body="Un message hors sujet.")
    hide_post(hidden, StaffFactory(email="moderation@exemple.org"), "Hors sujet")
    target = make_member(space, first_name="Eden", last_name="Cible")
    folder = create_folder(space, author, "Comptes rendus")
    return SimpleNamespace(
        space=space,
        author=author,
        topic=topic,
        others_post=others_post,
        hidden_post=hidden,
        target=Membership.objects.get(space=space, user=target),
        document=make_document(space, uploader=author, name="Compte rendu CLSPD.pdf"),
        meeting=MeetingFactory(space=space, title="Rencontre des coordinateur·rice·s"),
        folder=folder,
        subfolder=create_folder(space, author, "2024", parent=folder),
    )


@pytest.fixture
def furnished(space):
    return furnish(space)


@pytest.fixture
def furnished_other(other_space):
    return furnish(other_space)


@pytest.fixture
def as_user(db):
    """`as_user(user)`: an API client authenticated with the user's token."""
    return token_client


@pytest.fixture(autouse=True)
def _fresh_lockouts():
    """Login failures live in the cache: every test starts without any."""
    cache.clear()
    yield
    cache.clear()
