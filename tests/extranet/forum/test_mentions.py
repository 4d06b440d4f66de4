"""Mentions resolve only among members of the post's space, and show as links to the member."""

import pytest
from django.urls import reverse

from extranet.forum.mentions import handles_in, normalise_handle
from extranet.forum.models import BodyFormat, Mention
from extranet.forum.sanitize import clean_html
from extranet.forum.services import edit_post, reply
from extranet.forum.writing import render_with_mentions
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


# --- mentions shown as links to the member ------------------------------------------------------


def card_url(space, user):
    return reverse("extranet:member_card", kwargs={"slug": space.slug, "user_pk": user.pk})


def test_a_mention_is_stored_as_a_link_to_the_members_card(space, member, helene):
    topic = make_topic(space, member)
    post = reply(topic, member, "Qu'en penses-tu @helene.dupre ?", format=BodyFormat.MARKDOWN)
    assert post.body == (
        f'<p>Qu\'en penses-tu <a href="{card_url(space, helene)}" rel="nofollow noopener">'
        "@helene.dupre</a> ?</p>"
    )


def test_a_linked_body_is_a_fixed_point_of_the_sanitiser(space, member, helene):
    topic = make_topic(space, member)
    post = reply(topic, member, "Merci @Hélène.Dupré, et **@h.dupre**.", BodyFormat.MARKDOWN)
    assert post.body.count(card_url(space, helene)) == 2
    assert clean_html(post.body) == post.body


def test_a_handle_matching_nobody_in_the_space_stays_text(space, other_space, member):
    make_member(other_space, first_name="Hélène", last_name="Dupré", email="h.dupre@autre.org")
    topic = make_topic(space, member)
    post = reply(topic, member, "Bonjour @Hélène.Dupré et @personne", BodyFormat.MARKDOWN)
    assert "<a" not in post.body


def test_a_member_naming_themselves_gets_a_link_but_no_mention(space, member):
    topic = make_topic(space, member)
    post = reply(topic, member, "Moi, @Camille.Membre", BodyFormat.MARKDOWN)
    assert card_url(space, member) in post.body
    assert mentioned(post) == set()


@pytest.mark.parametrize(
    "written",
    [
        "> Bonjour @helene.dupre",  # a quotation repeats someone else's words
        "`@helene.dupre`",
        "```\n@helene.dupre\n```",
        "[@helene.dupre](https://exemple.org)",
    ],
)
def test_a_handle_in_a_quotation_code_or_link_neither_mentions_nor_links(
    space, member, helene, written
):
    topic = make_topic(space, member)
    post = reply(topic, member, written, BodyFormat.MARKDOWN)
    assert mentioned(post) == set()
    assert card_url(space, helene) not in post.body


def test_an_edit_links_the_mentions_it_adds(space, member, helene, moderator):
    topic = make_topic(space, member)
    post = reply(topic, member, "Bonjour", BodyFormat.MARKDOWN)
    edited = edit_post(post, member, "Bonjour @Sacha.Anime et @h.dupre")
    assert card_url(space, moderator) in edited.body
    assert card_url(space, helene) in edited.body
    assert mentioned(post) == {"h.dupre@exemple.org", "animatrice@exemple.org"}


def test_the_preview_links_mentions_as_the_published_post_will(space, member, helene):
    source = "Bonjour @helene.dupre"
    topic = make_topic(space, member)
    post = reply(topic, member, source, BodyFormat.MARKDOWN)
    assert render_with_mentions(source, BodyFormat.MARKDOWN, space) == post.body
