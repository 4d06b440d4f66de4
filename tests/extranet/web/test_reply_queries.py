"""A reply sent through the web form costs a fixed number of SQL statements (#16): 23 in the test
settings (database sessions, no cached session), down from 27. What they are: session, user,
space with the topic's state, rights, topic; the idempotency key (look-up, savepoint, clean-up,
insert, result); the locked topic, the post, the search outbox (post and topic in one INSERT),
the topic's version (the new post shows on the topic page), the read mark, the member's version,
the topic's counters (its version again, in the same statement) and the space's version; the new
post and its position for the redirect. The versions are bumped by the cached fragments'
registry (``portal.fragments``), not remembered by the service: one statement more than when the
service bumped the topic's version with its counters (#12). The topic is not read again after
the writes: under its lock the service knows what it wrote (#12: a reply read its topic three
times). On PostgreSQL one more: the ``SET LOCAL lock_timeout`` of the forum's writes
(``extranet.forum.locking``: a frozen worker holding the topic must not freeze the others). A
new statement on this path makes the test fail: decide whether it is worth it, then change the
number here."""

from django.db import connection

from extranet.forum.models import Post
from extranet.web import once

from .conftest import space_url
from .test_submit_once import token_on

REPLY_QUERIES = 23
LOCK_TIMEOUT_STATEMENTS = 1 if connection.vendor == "postgresql" else 0


def test_a_reply_costs_a_fixed_number_of_queries(
    client, member, furnished, django_assert_num_queries
):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    client.post(url, {"body": "Première.", once.FIELD: token_on(client.get(url))})
    token = token_on(client.get(url))

    with django_assert_num_queries(REPLY_QUERIES + LOCK_TIMEOUT_STATEMENTS):
        response = client.post(url, {"body": "Une réponse de plus.", once.FIELD: token})

    assert response.status_code == 302
    assert Post.objects.filter(topic=topic, body__contains="Une réponse de plus").exists()
