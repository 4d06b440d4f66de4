"""Many members replying at once in one topic: no post lost, counters exact (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from extranet.forum.models import Post, Topic
from extranet.forum.services import hide_post, reply
from tests.factories.extranet import make_member, make_topic

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks (DATABASE_URL)"
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 12
REPLIES_EACH = 5


def run_in_threads(worker, count):
    barrier = threading.Barrier(count)
    errors = []

    def target(index):
        try:
            barrier.wait()
            worker(index)
        except Exception as error:  # surfaced below: a thread's failure must fail the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_concurrent_replies_lose_no_post_and_keep_counters_exact(space):
    members = [make_member(space) for _ in range(THREADS)]
    topic = make_topic(space, members[0])

    def worker(index):
        for n in range(REPLIES_EACH):
            reply(topic, members[index], f"Réponse {n} de la personne {index}")

    run_in_threads(worker, THREADS)

    topic = Topic.objects.get(pk=topic.pk)
    expected = 1 + THREADS * REPLIES_EACH
    assert Post.objects.filter(topic=topic).count() == expected
    assert topic.post_count == expected
    latest = Post.objects.filter(topic=topic).order_by("-created_at", "-pk").first()
    assert topic.last_post_id == latest.pk
    assert topic.last_activity_at == latest.created_at


def test_replies_racing_with_moderation_keep_counters_exact(space, moderator):
    members = [make_member(space) for _ in range(THREADS)]
    topic = make_topic(space, members[0])
    targets = [reply(topic, members[0], f"À modérer {n}") for n in range(THREADS)]

    def worker(index):
        if index % 2:
            hide_post(targets[index], moderator, "Hors charte")
        else:
            reply(topic, members[index], "Nouvelle réponse")

    run_in_threads(worker, THREADS)

    topic = Topic.objects.get(pk=topic.pk)
    assert topic.post_count == Post.objects.visible().filter(topic=topic).count()
    hidden = replied = THREADS // 2
    assert topic.post_count == 1 + THREADS - hidden + replied
