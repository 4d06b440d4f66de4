""" "Mes espaces": the user's spaces with unread topics, role and last activity."""

from django.urls import reverse

from extranet.spaces.roles import Role
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

MY_SPACES = reverse("extranet:my_spaces")


def test_lists_only_my_spaces_with_unread_count_role_and_last_activity(client, member, space):
    topic = make_topic(space, title="Dérives sectaires")
    make_reply(topic)
    make_topic(space, title="Prévention santé")
    elsewhere = SpaceFactory(name="Espace où je ne suis pas")
    make_topic(elsewhere)
    client.force_login(member)

    page = client.get(MY_SPACES).content.decode()

    assert space.name.replace("'", "&#x27;") in page
    assert "Espace où je ne suis pas" not in page
    assert "2 sujets non lus" in page
    assert "Votre rôle : Membre" in page
    assert "Dernière activité le" in page


def test_user_without_space_is_told_how_to_join(client, outsider):
    client.force_login(outsider)
    page = client.get(MY_SPACES).content.decode()
    assert "Vous n'êtes membre d'aucun espace pour l'instant." in page


def test_staff_also_sees_the_spaces_they_are_not_in(client, staff, space):
    own = SpaceFactory(name="Espace de l'équipe")
    make_member(own, Role.OWNER, user=staff)
    client.force_login(staff)
    page = client.get(MY_SPACES).content.decode()
    assert "Autres espaces (équipe R&amp;T)" in page
    assert page.index("Espace de l&#x27;équipe") < page.index("Autres espaces")
    assert page.index("Autres espaces") < page.index(space.name.replace("'", "&#x27;"))


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(MY_SPACES)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('extranet:login')}?next={MY_SPACES}"
