"""A real Redis stopped and started again under the portal (portal.cache): pages keep answering
while it is down, the cache is used again once it is back, each transition is logged once, and
a write missed during the outage is not undone by the data Redis kept.

Each test starts its own redis-server on a free port (never the shared one) and stops it."""

import logging
import shutil
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from tests.factories.users import UserFactory

from .redis_outage import OwnRedis, outage_logs, redis_caches

LOGIN_URL = "/extranet/connexion/"
PASSWORD = "motdepasse-de-test"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.faults,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server absent"),
]

RETRY_AFTER = 0.2


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    caches = redis_caches(server.url, RETRY_AFTER=RETRY_AFTER)
    try:
        with override_settings(
            CACHES=caches, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
        ):
            yield server
    finally:
        server.kill()


@pytest.fixture
def member(db):
    return UserFactory(email="camille@exemple.org")


def test_pages_answer_while_redis_is_stopped_and_use_it_again_once_restarted(
    own_redis, member, client, caplog
):
    from tests.factories.cms import make_site_tree

    make_site_tree()
    caplog.set_level(logging.INFO, logger="portal.cache")
    client.force_login(member)
    assert client.get("/").status_code == 200
    assert own_redis.client().dbsize() > 0  # the session and the home page are in Redis

    own_redis.stop()
    for _ in range(2):
        assert client.get("/").status_code == 200
        assert client.get("/api/v2/pages/").status_code == 200
        assert client.get(reverse("extranet:my_spaces")).status_code == 200
    other = client.__class__()
    assert other.get(LOGIN_URL).status_code == 200
    assert (
        other.post(LOGIN_URL, {"username": member.email, "password": PASSWORD}).status_code == 302
    )
    assert other.session[SESSION_KEY] == str(member.pk)
    assert len(outage_logs(caplog)) == 1

    own_redis.start()  # empty: started without saving
    time.sleep(RETRY_AFTER)
    assert client.get("/").status_code == 200
    assert client.get(reverse("extranet:my_spaces")).status_code == 200
    assert own_redis.client().dbsize() > 0  # written to Redis again
    assert len(outage_logs(caplog, logging.INFO)) == 1
    assert len(outage_logs(caplog)) == 1  # no new warning


def test_a_logout_while_redis_is_down_is_not_undone_by_the_data_it_kept(own_redis, member, client):
    client.force_login(member)
    assert client.get(reverse("extranet:my_spaces")).status_code == 200  # session in Redis
    cookie = client.cookies["sessionid"].value

    own_redis.stop(keep_data=True)  # a Redis with persistence: it comes back with the session
    client.post(reverse("extranet:logout"))  # deleted from the database, not from Redis
    own_redis.start()
    assert own_redis.client().dbsize() > 0
    time.sleep(RETRY_AFTER)

    client.cookies["sessionid"] = cookie  # replaying the old cookie
    response = client.get(reverse("extranet:my_spaces"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
