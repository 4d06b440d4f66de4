"""The one-click unsubscribe page, used while logged out (RFC 8058)."""

from extranet.notifications import unsubscribe
from extranet.notifications.models import SpaceSubscription


def _path(member, space):
    return f"/extranet/desabonnement/{unsubscribe.make_token(member, space=space)}/"


def test_get_only_asks_and_changes_nothing(client, member, space):
    response = client.get(_path(member, space))
    assert response.status_code == 200
    assert "Ne plus recevoir de notification de l'espace" in response.content.decode()
    assert not SpaceSubscription.objects.exists()


def test_one_click_post_without_login_or_csrf_token_mutes_the_space(member, space):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(_path(member, space), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Vous êtes désabonné·e" in response.content.decode()
    assert SpaceSubscription.objects.get(user=member, space=space).level == "muted"


def test_posting_twice_is_harmless(client, member, space):
    client.post(_path(member, space))
    client.post(_path(member, space))
    assert SpaceSubscription.objects.filter(user=member, space=space).count() == 1


def test_an_invalid_link_is_a_french_404(client, db):
    response = client.post("/extranet/desabonnement/pas-un-jeton/")
    assert response.status_code == 404
    assert "Lien de désabonnement invalide" in response.content.decode()
