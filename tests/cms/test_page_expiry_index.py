"""The publication horizon of the API's cache (the nearest future ``expire_at`` or
``go_live_at`` of a live page, read once per content generation) can be answered from an
index instead of reading the whole page table (migration ``cms`` 0007; on PostgreSQL at 50,000
pages: 8 ms without, 0.05 ms with, docs/benchmarks.md). One lookup per column: a single
aggregate with ``FILTER`` clauses cannot use them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.visibility import next_publication_change

pytestmark = pytest.mark.django_db


def _plan(sql):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is tiny: the planner would rightly prefer a scan.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " ".join(str(column) for row in cursor.fetchall() for column in row)


def test_the_publication_horizon_is_read_from_the_two_date_indexes():
    with CaptureQueriesContext(connection) as queries:
        next_publication_change()
    plans = [_plan(query["sql"]) for query in queries.captured_queries]

    assert len(plans) == 2
    assert any("cms_page_live_expire_at" in plan for plan in plans)
    assert any("cms_page_live_go_live_at" in plan for plan in plans)
