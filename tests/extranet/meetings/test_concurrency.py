"""Members racing for the last places of a meeting (PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from extranet.meetings.models import Registration
from extranet.meetings.services import sign_up
from tests.factories.extranet import MeetingFactory, make_member

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks (DATABASE_URL)"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_last_places_are_never_overbooked(space):
    meeting = MeetingFactory(space=space, capacity=3)
    members = [make_member(space) for _ in range(10)]
    barrier = threading.Barrier(len(members))
    outcomes = []

    def attempt(user):
        try:
            barrier.wait()
            sign_up(meeting, user)
            outcomes.append("inscrit")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Registration.objects.filter(meeting=meeting).count() == 3
    assert sorted(outcomes) == ["full"] * 7 + ["inscrit"] * 3
