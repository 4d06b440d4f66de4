"""A frozen worker must not freeze the site (#15): a forum write that cannot get its row lock
within ``FORUM_LOCK_TIMEOUT_MS`` gives up with « Le sujet est très sollicité, réessayez dans un
instant. » and writes nothing, and what needs no lock is done before taking it.

Another web worker, stopped while holding the lock, is played by a second connection
(psycopg, its own transaction) that locks the row and never lets go until the test ends.
"""

import time
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.forum.locking import BUSY, TopicBusy
from extranet.forum.models import Mention, Post, Topic
from extranet.forum.services import create_topic, reply
from extranet.idempotency.models import IdempotencyKey
from extranet.spaces.models import Space
from extranet.web import once
from tests.extranet.api.conftest import api_url, token_client
from tests.extranet.web.conftest import space_url
from tests.extranet.web.test_submit_once import token_on
from tests.factories.extranet import make_member, make_topic

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite has no row locks (one writer at a time): lock_timeout is PostgreSQL's",
    ),
    # The other connection must see the rows: they are committed for real.
    pytest.mark.django_db(transaction=True),
]

TIMEOUT_MS = 300
TIMEOUT = TIMEOUT_MS / 1000


@pytest.fixture(autouse=True)
def short_lock_timeout(settings):
    settings.FORUM_LOCK_TIMEOUT_MS = TIMEOUT_MS


@contextmanager
def locked_elsewhere(instance):
    """``instance``'s row locked by another connection for the duration of the block."""
    params = connection.settings_dict
    with psycopg.connect(
        dbname=params["NAME"],
        user=params["USER"],
        password=params["PASSWORD"],
        host=params["HOST"],
        port=params["PORT"] or None,
    ) as other:
        table = instance._meta.db_table
        other.execute(f'SELECT 1 FROM "{table}" WHERE id = %s FOR UPDATE', [instance.pk])
        # Without the lock timeout the write would wait for ever: a statement timeout makes
        # that a failure (an OperationalError, not TopicBusy) instead of a hung test run.
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 5000")
        try:
            yield
        finally:
            other.rollback()
            with connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")


@pytest.fixture
def topic(space, member):
    return make_topic(space, member)


def state(topic):
    topic = Topic.objects.get(pk=topic.pk)
    return Post.objects.count(), Mention.objects.count(), topic.post_count, topic.last_post_id


def test_a_reply_to_a_topic_locked_elsewhere_gives_up_after_the_lock_timeout_writing_nothing(
    topic, member, moderator
):
    before = state(topic)
    with locked_elsewhere(topic):
        start = time.monotonic()
        with pytest.raises(TopicBusy) as busy:
            reply(topic, member, f"Je réponds à @{moderator.first_name}.{moderator.last_name}")
        waited = time.monotonic() - start
    assert busy.value.messages == [BUSY]
    assert BUSY == "Le sujet est très sollicité, réessayez dans un instant."
    assert TIMEOUT * 0.9 <= waited < TIMEOUT + 1.5
    assert state(topic) == before
    # The connection is usable again and the setting did not outlive the transaction.
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "0"
    assert reply(topic, member, "Une fois le verrou rendu.").pk


def test_a_new_topic_gives_up_after_the_lock_timeout_when_its_space_is_locked_elsewhere(
    space, member
):
    topics = Topic.objects.count()
    with locked_elsewhere(Space.objects.get(pk=space.pk)), pytest.raises(TopicBusy):
        create_topic(space, member, "Nouveau sujet", "Texte")
    assert Topic.objects.count() == topics


def test_the_api_answers_503_with_retry_after_and_the_same_key_succeeds_once_free(
    space, topic, member
):
    client = token_client(member)
    url = api_url("topic-post-list", space, topic_pk=topic.pk)
    sent = {"body": "Par l'API"}
    with locked_elsewhere(topic):
        response = client.post(url, sent, format="json", HTTP_IDEMPOTENCY_KEY="cle-1")
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json() == {"detail": BUSY}
    assert not Post.objects.filter(body__contains="Par l'API").exists()
    assert not IdempotencyKey.objects.exists()  # the retry with the same key may create

    response = client.post(url, sent, format="json", HTTP_IDEMPOTENCY_KEY="cle-1")
    assert response.status_code == 201
    assert Post.objects.filter(body__contains="Par l'API").count() == 1


def test_the_reply_form_is_shown_again_with_the_french_message_and_the_text_kept(
    client, space, topic, member
):
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    token = token_on(client.get(url))
    with locked_elsewhere(topic):
        response = client.post(url, {"body": "Texte à ne pas perdre", once.FIELD: token})
    assert response.status_code == 200
    assert BUSY in response.content.decode()
    assert "Texte à ne pas perdre" in response.content.decode()
    assert not Post.objects.filter(body__contains="Texte à ne pas perdre").exists()


def test_markdown_and_mentions_are_resolved_before_the_topic_is_locked(topic, member, moderator):
    mention = f"@{moderator.first_name}.{moderator.last_name}"
    with CaptureQueriesContext(connection) as queries:
        reply(topic, member, f"**Bonjour** {mention}")
    sql = [query["sql"] for query in queries.captured_queries]
    locked_at = next(i for i, s in enumerate(sql) if "FOR UPDATE" in s)
    members_at = next(i for i, s in enumerate(sql) if '"is_active"' in s and "membership" in s)
    assert members_at < locked_at
    assert "SET LOCAL lock_timeout" in sql[locked_at - 1]


def test_replies_in_other_topics_are_not_held_up(space, topic, member):
    other = make_topic(space, make_member(space))
    with locked_elsewhere(topic):
        start = time.monotonic()
        reply(other, member, "Ailleurs, pas d'attente")
        assert time.monotonic() - start < TIMEOUT
