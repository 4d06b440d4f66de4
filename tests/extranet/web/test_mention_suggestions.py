"""The composer's ``@`` suggestions (``mention_suggestions``) and the member card a mention
leads to: members of the space only, for those who see the space only."""

import pytest

from extranet.forum.mentions import SUGGESTIONS_LIMIT, handles_of, normalise_handle
from tests.factories.extranet import make_member

from .conftest import space_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def helene(space):
    return make_member(
        space,
        first_name="Hélène",
        last_name="Dupré",
        email="h.dupre@exemple.org",
        organisation="Mairie d'Albi",
    )


def suggested(client, space, query):
    response = client.get(space_url("mention_suggestions", space), {"q": query})
    assert response.status_code == 200
    return [found["name"] for found in response.json()["members"]]


@pytest.mark.parametrize("query", ["hel", "HÉL", "dupre", "Dupré", "helene.d", "h.dup", "@hélène"])
def test_members_are_matched_on_name_or_address_ignoring_case_and_accents(
    client, member, space, helene, query
):
    client.force_login(member)
    assert suggested(client, space, query) == ["Hélène Dupré"]


def test_a_suggestion_gives_the_handle_that_mentions_that_member(client, member, space, helene):
    client.force_login(member)
    response = client.get(space_url("mention_suggestions", space), {"q": "hel"})
    [found] = response.json()["members"]
    assert found == {
        "handle": "Hélène.Dupré",
        "name": "Hélène Dupré",
        "organisation": "Mairie d'Albi",
    }
    assert normalise_handle(found["handle"]) in handles_of(helene)


def test_only_active_members_of_this_space_are_suggested(
    client, member, space, other_space, removed_member, inactive_member, outsider
):
    make_member(other_space, first_name="Claudine", last_name="Ailleurs")
    client.force_login(member)
    # "c" and "l" start every name here: Claude Parti (removed), Lou Inactif, Claudine
    # Ailleurs (other space), Alix Dehors (nobody's member) are never offered.
    assert suggested(client, space, "") == []
    for query in ("claud", "lou", "alix"):
        assert suggested(client, space, query) == []


def test_the_writer_is_not_suggested_to_themselves(client, member, moderator, space):
    client.force_login(member)
    assert suggested(client, space, "") == ["Sacha Anime"]


def test_suggestions_are_limited(client, member, space):
    for number in range(SUGGESTIONS_LIMIT + 3):
        make_member(space, first_name="Alex", last_name=f"Nombreux{number:02d}")
    client.force_login(member)
    assert len(suggested(client, space, "alex")) == SUGGESTIONS_LIMIT


def test_outsiders_get_404_for_the_suggestions(client, outsider, other_space, space, member):
    client.force_login(outsider)
    assert client.get(space_url("mention_suggestions", space), {"q": ""}).status_code == 404
    client.force_login(member)
    assert client.get(space_url("mention_suggestions", other_space)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_for_the_suggestions(client, space):
    response = client.get(space_url("mention_suggestions", space))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]


def test_the_composer_textarea_names_the_suggestions_url(client, member, furnished):
    client.force_login(member)
    page = client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))
    expected = f'data-mentions-url="{space_url("mention_suggestions", furnished.space)}"'
    assert expected in page.content.decode()


# --- the member card ----------------------------------------------------------------------------


def test_a_member_card_shows_who_the_member_is(client, member, space, helene):
    client.force_login(member)
    page = client.get(space_url("member_card", space, user_pk=helene.pk)).content.decode()
    assert "<h1>Hélène Dupré</h1>" in page
    assert "Mairie d&#x27;Albi" in page


def test_the_directory_links_each_member_to_their_card(client, member, space, helene):
    client.force_login(member)
    page = client.get(space_url("member_list", space)).content.decode()
    assert f'href="{space_url("member_card", space, user_pk=helene.pk)}"' in page


def test_a_card_is_404_for_anyone_not_an_active_member_of_the_space(
    client, member, space, other_space, outsider, removed_member, inactive_member
):
    elsewhere = make_member(other_space, first_name="Claudine", last_name="Ailleurs")
    client.force_login(member)
    for user in (outsider, removed_member, inactive_member, elsewhere):
        response = client.get(space_url("member_card", space, user_pk=user.pk))
        assert response.status_code == 404, user.email


def test_outsiders_get_404_for_a_member_card(client, outsider, space, member):
    client.force_login(outsider)
    assert client.get(space_url("member_card", space, user_pk=member.pk)).status_code == 404
