"""Flash Info subscription: double opt-in, same answer for every address, one-click
unsubscribe (cms.newsletter.subscriptions and its public views)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cms.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/lettre-d-information/"


def _subscribe(client, email):
    return client.post(SUBSCRIBE, {"email": email})


def _link(message, kind):
    return re.search(
        rf"http://testserver(/lettre-d-information/{kind}/[^/\s\"]+/)", message.body
    ).group(1)


def test_subscribing_sends_a_confirmation_and_subscribes_no_one_yet(client):
    response = _subscribe(client, " Camille@Exemple.org ")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "camille@exemple.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille@exemple.org"]
    assert mail.outbox[0].subject == "Confirmez votre abonnement au Flash Info"


def test_the_confirmation_link_subscribes_the_address(client):
    _subscribe(client, "camille@exemple.org")
    response = client.get(_link(mail.outbox[0], "confirmer"))
    assert response.status_code == 200
    assert "Abonnement confirmé" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_an_expired_confirmation_link_subscribes_no_one(client):
    _subscribe(client, "camille@exemple.org")
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(days=8))
    response = client.get(_link(mail.outbox[0], "confirmer"))
    assert response.status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unknown_confirmation_link_answers_404_in_french(client):
    response = client.get("/lettre-d-information/confirmer/inconnu/")
    assert response.status_code == 404
    assert "Lien non valable" in response.content.decode()


def test_the_answer_is_the_same_whether_the_address_is_subscribed_or_not(client):
    _subscribe(client, "camille@exemple.org")
    client.get(_link(mail.outbox[0], "confirmer"))
    known = _subscribe(client, "camille@exemple.org")
    unknown = _subscribe(client, "sacha@exemple.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_a_confirmed_address_gets_no_second_confirmation(client):
    _subscribe(client, "camille@exemple.org")
    client.get(_link(mail.outbox[0], "confirmer"))
    _subscribe(client, "camille@exemple.org")
    assert len(mail.outbox) == 1


def test_confirmations_to_one_address_are_throttled(client):
    for _ in range(3):
        _subscribe(client, "camille@exemple.org")
    assert len(mail.outbox) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=11))
    _subscribe(client, "camille@exemple.org")
    assert len(mail.outbox) == 2


def test_an_invalid_address_is_refused_with_a_french_message(client):
    response = _subscribe(client, "pas-une-adresse")
    assert response.status_code == 400
    assert "n&#x27;est pas valide" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_robot_filling_the_hidden_field_subscribes_no_one(client):
    response = client.post(SUBSCRIBE, {"email": "robot@exemple.org", "website": "http://spam"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


@pytest.fixture
def confirmed(db):
    return Subscriber.objects.create(
        email="camille@exemple.org",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )


def test_opening_the_unsubscribe_link_changes_nothing(client, confirmed):
    response = client.get(f"/lettre-d-information/desinscription/{confirmed.token}/")
    assert response.status_code == 200
    assert "Me désinscrire" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED


def test_one_click_unsubscribe_needs_no_csrf_token_and_takes_effect_at_once(confirmed):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/lettre-d-information/desinscription/{confirmed.token}/",
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED
    assert confirmed.unsubscribed_at is not None


def test_an_unknown_unsubscribe_token_answers_404(client):
    response = client.post("/lettre-d-information/desinscription/inconnu/")
    assert response.status_code == 404


def test_an_unsubscribed_address_can_subscribe_again_through_the_double_opt_in(client, confirmed):
    client.post(f"/lettre-d-information/desinscription/{confirmed.token}/")
    _subscribe(client, "camille@exemple.org")
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.PENDING
    client.get(_link(mail.outbox[-1], "confirmer"))
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED


def test_the_flash_info_pages_offer_the_subscription_form(client, tree):
    html = client.get("/flash-info/").content.decode()
    assert 'action="/lettre-d-information/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
