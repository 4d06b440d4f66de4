"""The invitation acceptance page: /extranet/invitation/<token>/."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client
from django.utils import timezone

from extranet.spaces import permissions
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from tests.factories.extranet import InvitationFactory, SpaceFactory
from tests.factories.users import UserFactory

User = get_user_model()
SIGNUP = {
    "first_name": "Inès",
    "last_name": "Nouvelle",
    "organisation": "Mairie de Sète",
    "password1": "un-long-mot-de-passe-2024",
    "password2": "un-long-mot-de-passe-2024",
}


@pytest.fixture
def space(db):
    return SpaceFactory(name="Chef·fe·s de projet NPNRU", slug="npnru")


def _url(token):
    return f"/extranet/invitation/{token}/"


def test_wrong_token_is_a_404(client, space):
    InvitationFactory(space=space, token="le-bon-jeton")
    assert client.get(_url("un-autre-jeton")).status_code == 404


def test_new_person_creates_the_account_joins_and_is_logged_in(client, space):
    InvitationFactory(space=space, token="jeton", email="ines@exemple.org", role=Role.MEMBER)
    page = client.get(_url("jeton"))
    assert page.status_code == 200 and "Rejoindre l'espace « Chef·fe·s de projet NPNRU »" in (
        page.text.replace("&#x27;", "'")
    )
    response = client.post(_url("jeton"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ines@exemple.org")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.organisation == "Mairie de Sète"
    assert permissions.can_post(user, space)


def test_mismatched_passwords_are_explained_in_french(client, space):
    InvitationFactory(space=space, token="jeton", email="ines@exemple.org")
    response = client.post(_url("jeton"), {**SIGNUP, "password2": "autre-chose-2024"})
    assert response.status_code == 200
    assert "Les deux mots de passe ne correspondent pas." in response.text
    assert not User.objects.filter(email="ines@exemple.org").exists()


def test_existing_account_joins_with_one_click_then_logs_in(client, space):
    user = UserFactory(email="deja@exemple.org")
    InvitationFactory(space=space, token="jeton", email="deja@exemple.org")
    assert "Rejoindre l'espace" in client.get(_url("jeton")).text.replace("&#x27;", "'")
    response = client.post(_url("jeton"))
    assert response["Location"] == "/extranet/connexion/"
    assert Membership.objects.filter(space=space, user=user).exists()


def test_used_invitation_link_says_so_without_naming_the_space(client, space):
    UserFactory(email="deja@exemple.org")
    InvitationFactory(space=space, token="jeton", email="deja@exemple.org")
    client.post(_url("jeton"))
    response = Client().get(_url("jeton"))  # someone else reusing the link
    assert response.status_code == 410
    assert "déjà été utilisée" in response.text.replace("&#x27;", "'")
    assert space.name not in response.text


def test_expired_invitation_link_says_so(client, space):
    InvitationFactory(space=space, token="jeton", expires_at=timezone.now() - timedelta(days=1))
    response = client.post(_url("jeton"), SIGNUP)
    assert response.status_code == 410
    assert "a expiré" in response.text
    assert not Membership.objects.filter(space=space).exists()


def test_someone_logged_in_with_another_address_is_asked_to_log_out(client, space):
    client.force_login(UserFactory(email="autre@exemple.org"))
    InvitationFactory(space=space, token="jeton", email="invitee@exemple.org")
    response = client.post(_url("jeton"))
    assert "destinée à une autre adresse" in response.text
    assert not Membership.objects.filter(space=space).exists()
