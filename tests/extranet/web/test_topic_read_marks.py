"""Opening a topic records the reading only when there is something new to record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.forum.models import TopicReadState
from extranet.forum.services import unread_counts_for
from tests.factories.extranet import make_reply, make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def _view(client, space, topic):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(space_url("topic_detail", space, pk=topic.pk))
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def _writes(statements):
    return [sql for sql in statements if sql.lstrip().upper().startswith(WRITES)]


def test_first_view_records_the_reading(client, space, member):
    topic = make_topic(space)
    client.force_login(member)
    assert _writes(_view(client, space, topic))
    assert TopicReadState.objects.get(user=member, topic=topic).last_read_at == (
        topic.last_activity_at
    )
    assert unread_counts_for(member, [space])[space.pk] == 0


def test_viewing_an_already_read_topic_writes_nothing(client, space, member):
    topic = make_topic(space)
    client.force_login(member)
    _view(client, space, topic)
    statements = _view(client, space, topic)
    assert _writes(statements) == []
    assert not [sql for sql in statements if sql.lstrip().upper().startswith("SAVEPOINT")]


def test_a_new_reply_is_recorded_on_the_next_view(client, space, member):
    topic = make_topic(space)
    client.force_login(member)
    _view(client, space, topic)
    make_reply(topic)
    assert unread_counts_for(member, [space])[space.pk] == 1
    topic.refresh_from_db()
    assert _writes(_view(client, space, topic))
    assert TopicReadState.objects.get(user=member, topic=topic).last_read_at == (
        topic.last_activity_at
    )
    assert unread_counts_for(member, [space])[space.pk] == 0
