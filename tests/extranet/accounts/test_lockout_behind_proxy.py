"""The login lock-out behind reverse proxies: it keys on the client's address taken from
X-Forwarded-For at the configured depth, never on the proxy's address, never on what the
client wrote itself."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from extranet.accounts import lockout
from tests.factories.users import UserFactory

LOGIN_URL = "/extranet/connexion/"
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _request(forwarded_for=None, remote=PROXY):
    extra = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post(LOGIN_URL, **extra)


def test_without_trusted_proxy_the_address_is_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert lockout.client_ip(_request("203.0.113.9")) == PROXY


def test_with_one_proxy_the_address_is_the_one_it_appended(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert lockout.client_ip(_request("203.0.113.9")) == "203.0.113.9"


def test_an_address_the_client_wrote_itself_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the real peer.
    assert lockout.client_ip(_request("198.51.100.1, 203.0.113.9")) == "203.0.113.9"


def test_with_two_proxies_the_address_is_the_one_the_outer_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    chain = "198.51.100.1, 203.0.113.9, 10.0.0.1"
    assert lockout.client_ip(_request(chain)) == "203.0.113.9"


def test_a_request_that_bypassed_the_proxies_keys_on_its_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert lockout.client_ip(_request("198.51.100.1", remote="192.0.2.77")) == "192.0.2.77"


def test_a_forwarded_value_that_is_no_address_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert lockout.client_ip(_request("not-an-ip")) == PROXY


@pytest.mark.django_db
def test_failures_of_five_clients_behind_the_proxy_do_not_lock_out_a_sixth(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_MAX_FAILURES = 5
    person = UserFactory(email="sixieme@exemple.org")
    for number in range(5):
        client.post(
            LOGIN_URL,
            {"username": f"inconnu{number}@exemple.org", "password": "mauvais"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number + 1}",
        )
    response = client.post(
        LOGIN_URL,
        {"username": person.email, "password": "motdepasse-de-test"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert response.status_code == 302, response.text


@pytest.mark.django_db
def test_one_client_behind_the_proxy_is_still_locked_out(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_MAX_FAILURES = 5
    person = UserFactory(email="cible@exemple.org")
    for number in range(5):
        client.post(
            LOGIN_URL,
            {"username": f"inconnu{number}@exemple.org", "password": "mauvais"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.50",
        )
    response = client.post(
        LOGIN_URL,
        {"username": person.email, "password": "motdepasse-de-test"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert response.status_code == 429
    assert "Trop de tentatives" in response.text
