"""Redis is optional, not fatal (portal.cache): with REDIS_URL set and nothing answering there,
every page answers as without a cache (never a 500), sessions are read from the database, the
login lock-out keeps counting in the process's memory, and the outage is logged once."""

import logging
import socket
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache, caches
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from extranet.spaces.roles import Role
from portal import cache as resilient
from tests.factories.cms import make_news, make_site_tree
from tests.factories.extranet import MembershipFactory, SpaceFactory
from tests.factories.users import UserFactory

from .redis_outage import free_port, outage_logs, redis_caches

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-de-test"
LOGIN_URL = "/extranet/connexion/"


@pytest.fixture
def redis_down():
    """REDIS_URL set, the server stopped: the settings of production, sessions included."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(
        CACHES=redis_caches(url), SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        yield url


@pytest.fixture
def site(db):
    tree = make_site_tree()
    make_news(tree.news_index, title="Actualité du réseau")
    return tree


@pytest.fixture
def member(db):
    user = UserFactory(email="camille@exemple.org")
    MembershipFactory(user=user, space=SpaceFactory(slug="peps"), role=Role.MEMBER)
    return user


def test_with_redis_down_the_home_page_and_the_cms_api_answer_200(redis_down, site, client):
    for _ in range(2):  # the second time too: nothing was stored, nothing breaks
        home = client.get("/")
        assert home.status_code == 200
        assert "Actualité du réseau" in home.text
        api = client.get("/api/v2/pages/")
        assert api.status_code == 200
        assert "Actualité du réseau" in [item["title"] for item in api.json()["items"]]


def test_with_redis_down_one_logs_in_and_sees_the_extranet(redis_down, site, member, client):
    assert client.get(LOGIN_URL).status_code == 200
    response = client.post(LOGIN_URL, {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)  # read back from the database
    my_spaces = client.get(reverse("extranet:my_spaces"))
    assert my_spaces.status_code == 200
    assert "peps" in my_spaces.text


def test_with_redis_down_a_logout_ends_the_session(redis_down, site, member, client):
    client.force_login(member)
    cookie = client.cookies["sessionid"].value
    client.post(reverse("extranet:logout"))
    client.cookies["sessionid"] = cookie  # replaying the old cookie
    response = client.get(reverse("extranet:my_spaces"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_with_redis_down_api_tokens_are_obtained_and_used(redis_down, member):
    obtained = APIClient().post(
        "/api/extranet/auth/token/",
        {"email": member.email, "password": PASSWORD},
        format="json",
    )
    assert obtained.status_code == 200
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {obtained.json()['token']}")
    response = api.get(reverse("extranet_api:space-list"))
    assert response.status_code == 200
    assert [space["slug"] for space in response.json()["results"]] == ["peps"]


def test_with_redis_down_failed_logins_still_lock_out(redis_down, site, member, client, settings):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        client.post(LOGIN_URL, {"username": member.email, "password": "mauvais"})
    response = client.post(LOGIN_URL, {"username": member.email, "password": PASSWORD})
    assert response.status_code == 429  # as with Redis (tests/extranet/accounts/test_login.py)
    assert "Trop de tentatives de connexion" in response.text
    assert SESSION_KEY not in client.session


def test_an_outage_is_logged_once_not_on_every_request(redis_down, site, member, client, caplog):
    caplog.set_level(logging.INFO, logger="portal.cache")
    client.force_login(member)
    for _ in range(3):
        assert client.get("/").status_code == 200
        assert client.get(reverse("extranet:my_spaces")).status_code == 200
    assert len(outage_logs(caplog)) == 1


def test_after_a_failure_redis_is_not_tried_again_for_a_few_seconds(redis_down, monkeypatch):
    attempts = []
    backend = caches["default"]
    real_get_client = type(backend._cache).get_client

    def counting(client, *args, **kwargs):
        attempts.append(1)
        return real_get_client(client, *args, **kwargs)

    monkeypatch.setattr(type(backend._cache), "get_client", counting)
    for _ in range(50):
        assert cache.get("anything", "absent") == "absent"
        cache.set("anything", 1)
    assert len(attempts) == 1


def test_an_unreachable_redis_is_tried_again_after_the_pause(redis_down, monkeypatch):
    backend = caches["default"]
    assert backend.get("key") is None
    assert backend.outage.waiting()
    monkeypatch.setattr(backend.outage, "retry_at", time.monotonic() - 1)
    assert not backend.outage.waiting()
    assert backend.get("key") is None  # tried, failed again: waiting again
    assert backend.outage.waiting()


@pytest.fixture
def hanging_redis():
    """A server that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        url = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
        with override_settings(
            CACHES=redis_caches(url), SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
        ):
            yield url


def test_a_redis_that_never_answers_costs_one_timeout_not_one_per_call(
    hanging_redis, site, member, client
):
    client.force_login(member)  # writes the session: the first call waits for its timeout
    started = time.monotonic()
    for _ in range(3):
        assert client.get("/").status_code == 200
        assert client.get(reverse("extranet:my_spaces")).status_code == 200
    assert time.monotonic() - started < 1.5  # about 0.25 s each without the pause


def test_a_write_missed_during_the_outage_is_forgotten_when_redis_answers(redis_down):
    # Redis "came back" holding the value from before the outage: the key written meanwhile
    # must not be read from it.
    backend = caches["default"]
    backend.set("session", "avant la panne")  # missed: Redis is down
    backend.delete("other")
    redis_key = backend.make_and_validate_key("session")
    assert redis_key in backend.outage.lost
    deleted = []

    class Recovered:
        def delete_many(self, keys):
            deleted.extend(keys)

        def clear(self):
            deleted.append("*")

    backend.outage.recover(Recovered())
    assert sorted(deleted) == sorted([redis_key, backend.make_and_validate_key("other")])
    assert not backend.outage.down


def test_too_many_missed_writes_clear_the_whole_cache_on_recovery(redis_down, monkeypatch):
    monkeypatch.setattr(resilient, "MAX_LOST_KEYS", 3)
    backend = caches["default"]
    for number in range(5):
        backend.set(f"key-{number}", number)
    cleared = []

    class Recovered:
        def delete_many(self, keys):
            raise AssertionError("one clear() is enough")

        def clear(self):
            cleared.append(True)

    backend.outage.recover(Recovered())
    assert cleared == [True]


def test_other_redis_errors_are_not_hidden(redis_down, monkeypatch):
    import redis

    backend = caches["default"]

    def wrong_type(*args, **kwargs):
        raise redis.ResponseError("WRONGTYPE")

    monkeypatch.setattr(type(backend._cache), "get", wrong_type)
    with pytest.raises(redis.ResponseError):
        backend.get("key")
