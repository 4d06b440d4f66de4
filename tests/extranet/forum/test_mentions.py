"""Mentions resolve only among members of the post's space."""

import pytest

from extranet.forum.mentions import handles_in, normalise_handle
from extranet.forum.models import Mention
from extranet.forum.services import edit_post, reply
from tests.factories.extranet import make_member, make_topic
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def helene(space):
    return make_member(space, first_name="Hélène", last_name="Dupré", email="h.dupre@exemple.org")


def mentioned(post):
    return set(Mention.objects.filter(post=post).values_list("user__email", flat=True))


def test_handles_are_read_from_text_not_from_email_addresses():
    html = "<p>Merci @Camille.Membre et @h.dupre. Écrire à contact@exemple.org</p>"
    assert handles_in(html) == {"camille.membre", "h.dupre"}


def test_handles_ignore_case_and_accents():
    assert normalise_handle("Hélène.DUPRÉ") == "helene.dupre"
    assert normalise_handle("Marie Claire.Du Pont") == "marie-claire.du-pont"


@pytest.mark.parametrize("written", ["@Hélène.Dupré", "@helene.dupre", "@h.dupre", "@H.Dupre,"])
def test_member_is_mentioned_by_name_or_email_local_part(space, member, helene, written):
    topic = make_topic(space, member)
    post = reply(topic, member, f"Qu'en penses-tu {written} ?")
    assert mentioned(post) == {"h.dupre@exemple.org"}


def test_outsider_with_matching_name_is_never_mentioned(space, other_space, member):
    UserFactory(first_name="Hélène", last_name="Dupré", email="helene@ailleurs.org")
    make_member(other_space, first_name="Hélène", last_name="Dupré", email="h.dupre@autre.org")
    topic = make_topic(space, member)
    post = reply(topic, member, "@Hélène.Dupré et @h.dupre, vous êtes là ?")
    assert mentioned(post) == set()


def test_removed_and_inactive_members_are_not_mentioned(
    space, member, removed_member, inactive_member
):
    topic = make_topic(space, member)
    post = reply(topic, member, "@Claude.Parti @ancien-membre @Lou.Inactif @desactive")
    assert mentioned(post) == set()


def test_author_does_not_mention_themselves(space, member):
    topic = make_topic(space, member)
    assert mentioned(reply(topic, member, "Moi, @Camille.Membre")) == set()


def test_topic_first_post_records_mentions(space, member, helene):
    topic = make_topic(space, member, body="Bonjour @helene.dupre")
    assert mentioned(topic.posts.get()) == {"h.dupre@exemple.org"}


def test_edit_adds_only_new_mentions(space, member, helene, moderator):
    topic = make_topic(space, member, body="Bonjour @helene.dupre")
    post = topic.posts.get()
    edited = edit_post(post, member, "Bonjour @helene.dupre et @Sacha.Anime")
    assert mentioned(post) == {"h.dupre@exemple.org", "animatrice@exemple.org"}
    assert [user.email for user in edited.mentioned_users] == ["animatrice@exemple.org"]
