"""Password reset by e-mail, in French; also how imported accounts choose a first password."""

import re

import pytest
from django.core import mail

from tests.factories.users import UserFactory


def _reset(client, email):
    return client.post("/extranet/mot-de-passe/", {"email": email})


def _link(message):
    return re.search(r"https?://[^/]+(/extranet/mot-de-passe/nouveau/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_reset_sends_a_french_email_and_sets_the_new_password(client):
    user = UserFactory(email="camille@exemple.org")
    response = _reset(client, "Camille@exemple.org")
    assert response.status_code == 302 and response["Location"] == "/extranet/mot-de-passe/envoye/"
    [message] = mail.outbox
    assert message.subject == "Choisir votre mot de passe – Ressources & Territoires"
    assert "Vous avez demandé à choisir un nouveau mot de passe" in message.body
    form_url = client.get(_link(message), follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "un-nouveau-secret-2024", "new_password2": "un-nouveau-secret-2024"},
    )
    assert response["Location"] == "/extranet/mot-de-passe/termine/"
    user.refresh_from_db()
    assert user.check_password("un-nouveau-secret-2024")


@pytest.mark.django_db
def test_account_without_password_can_choose_one(client):
    user = UserFactory(email="importe@exemple.org", password=None)
    user.set_unusable_password()
    user.save()
    _reset(client, user.email)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_inactive_account_gets_no_reset_email(client):
    UserFactory(email="parti@exemple.org", is_active=False)
    response = _reset(client, "parti@exemple.org")
    assert response.status_code == 302  # same answer: whether an account exists is not revealed
    assert mail.outbox == []


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = _reset(client, "inconnu@exemple.org")
    assert response["Location"] == "/extranet/mot-de-passe/envoye/"
    assert mail.outbox == []
