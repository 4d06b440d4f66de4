"""Correlated subqueries carry no ORDER BY: a model's Meta ordering must not leak into them.

`Membership.Meta.ordering = ["space", "user"]` compiled into a `[:1]` subquery makes the
database join and sort spaces and users once per row of the outer query (per topic when
counting unread topics). The assertions read the SQL text, so they hold on every backend.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.forum import services as forum_services
from extranet.forum.models import Topic
from extranet.notifications import digest
from extranet.spaces import permissions
from tests.factories.extranet import make_topic

pytestmark = pytest.mark.django_db


def _sql(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    assert len(captured) == 1
    return captured[0]["sql"].upper()


def test_unread_counts_sort_nothing_and_join_no_user_or_space(space, member):
    make_topic(space)
    sql = _sql(lambda: forum_services.unread_counts_for(member, [space]))
    assert "ORDER BY" not in sql
    assert '"ACCOUNTS_USER"' not in sql


def test_unread_flag_subqueries_sort_nothing(space, member):
    make_topic(space)
    topics = forum_services.with_unread_flag(member, Topic.objects.filter(space=space))
    sql = _sql(lambda: list(topics.order_by()))
    assert "ORDER BY" not in sql
    assert '"ACCOUNTS_USER"' not in sql


def test_my_spaces_sorts_only_the_outer_query(space, member):
    sql = _sql(lambda: list(permissions.my_spaces(member)))
    assert sql.count("ORDER BY") == 1  # Space.Meta.ordering, on the outer query only
    assert '"ACCOUNTS_USER"' not in sql


def test_digest_subscribers_subquery_sorts_nothing(space, member):
    sql = _sql(lambda: digest.subscribers("weekly"))
    assert sql.count("ORDER BY") == 1  # the outer query's explicit order
