"""A retried creation is not a second one: the ``Idempotency-Key`` header on opening a topic
and replying (``extranet/api/idempotency.py``)."""

import threading
import uuid

import pytest
from django.db import connection

from extranet.forum import services as forum_services
from extranet.forum.models import Post, Topic
from extranet.idempotency.models import IdempotencyKey
from tests.factories.extranet import make_member

from .conftest import api_url, token_client


@pytest.fixture
def client(member, as_user):
    return as_user(member)


def reply(client, furnished, body="Une réponse, une seule.", key=None):
    url = api_url("topic-post-list", furnished.space, topic_pk=furnished.topic.pk)
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(url, {"body": body}, format="json", **headers)


def test_a_retried_reply_returns_the_first_post_and_creates_one(client, furnished):
    key = str(uuid.uuid4())
    first = reply(client, furnished, key=key)
    retry = reply(client, furnished, key=key)

    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Post.objects.filter(body__contains="une seule").count() == 1
    assert furnished.topic.posts.count() == 3  # the first post, the hidden one, this reply


def test_a_retried_topic_returns_the_first_topic_and_creates_one(client, space):
    key = str(uuid.uuid4())
    data = {"title": "Un seul sujet", "body": "Même si le réseau flanche."}
    url = api_url("topic-list", space)
    first = client.post(url, data, format="json", HTTP_IDEMPOTENCY_KEY=key)
    retry = client.post(url, data, format="json", HTTP_IDEMPOTENCY_KEY=key)

    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert Topic.objects.filter(title="Un seul sujet").count() == 1


def test_without_a_key_every_request_creates(client, furnished):
    reply(client, furnished)
    reply(client, furnished)
    assert Post.objects.filter(body__contains="une seule").count() == 2


def test_a_key_reused_with_another_body_is_a_422_in_french(client, furnished):
    key = str(uuid.uuid4())
    reply(client, furnished, key=key)
    response = reply(client, furnished, body="Un autre texte", key=key)

    assert response.status_code == 422
    assert "déjà servi pour une autre requête" in response.json()["detail"]
    assert not Post.objects.filter(body__contains="Un autre texte").exists()


def test_the_same_key_on_another_endpoint_is_a_422(client, furnished):
    key = str(uuid.uuid4())
    reply(client, furnished, key=key)
    response = client.post(
        api_url("topic-list", furnished.space),
        {"title": "Sujet", "body": "Une réponse, une seule."},
        format="json",
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert response.status_code == 422
    assert not Topic.objects.filter(title="Sujet").exists()


def test_keys_are_per_user(client, space, furnished):
    key = str(uuid.uuid4())
    other = token_client(make_member(space, first_name="Alix"))
    mine, theirs = reply(client, furnished, key=key), reply(other, furnished, key=key)
    assert mine.json()["id"] != theirs.json()["id"]
    assert "Idempotent-Replayed" not in theirs


def test_a_refused_reply_records_no_key_and_its_corrected_retry_creates(client, furnished):
    key = str(uuid.uuid4())
    assert reply(client, furnished, body="", key=key).status_code == 400
    assert not IdempotencyKey.objects.exists()
    response = reply(client, furnished, key=key)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response


def test_a_retry_after_the_topic_was_locked_still_gets_its_post(client, moderator, furnished):
    key = str(uuid.uuid4())
    first = reply(client, furnished, key=key)
    forum_services.set_locked(furnished.topic, moderator, True)
    retry = reply(client, furnished, key=key)
    assert retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]


@pytest.mark.parametrize("key", ["", "   ", "é" * 3, "x" * 256, "deux mots"])
def test_a_malformed_key_is_a_400_in_french(client, furnished, key):
    response = reply(client, furnished, key=key)
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert Post.objects.filter(body__contains="une seule").count() == 0


def test_the_schema_declares_the_header_on_both_creations(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    space_path = "/api/extranet/spaces/{space_slug}/"
    for path in (space_path + "topics/", space_path + "topics/{topic_pk}/posts/"):
        names = [p["name"] for p in schema["paths"][path]["post"].get("parameters", [])]
        assert "Idempotency-Key" in names, path


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL"
)
def test_two_concurrent_retries_create_one_post(member, space):
    """Two requests with one key at the same moment: the unique constraint makes the second
    insert wait for the first transaction, fail, and answer the first post."""
    topic = forum_services.create_topic(space, member, "Course", "Deux envois à la fois")
    url = api_url("topic-post-list", space, topic_pk=topic.pk)
    key = str(uuid.uuid4())
    start = threading.Barrier(2)
    answers = []

    def send():
        client = token_client(member)
        start.wait()
        try:
            response = client.post(
                url, {"body": "Concurrente"}, format="json", HTTP_IDEMPOTENCY_KEY=key
            )
            answers.append((response.status_code, response.json()["id"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [status for status, _ in answers] == [201, 201]
    assert answers[0][1] == answers[1][1]
    assert Post.objects.filter(topic=topic, body__contains="Concurrente").count() == 1
