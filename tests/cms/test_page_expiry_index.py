"""The publication horizon of the API's cache (the nearest future ``expire_at`` or
``go_live_at`` of a live page, read once per content generation) can be answered from an
index instead of reading the whole page table (migration ``cms`` 0007; on PostgreSQL at 50,000
pages: 8 ms without, 0.05 ms with, docs/benchmarks.md). One lookup per column: a single
aggregate with ``FILTER`` clauses cannot use them."""

import pytest
from django.db import connection
from django.db.models import Min
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

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


@pytest.mark.parametrize("column", ["expire_at", "go_live_at"])
def test_the_nearest_future_date_of_live_pages_is_read_from_its_index(column):
    with CaptureQueriesContext(connection) as queries:
        Page.objects.filter(live=True, **{f"{column}__gt": timezone.now()}).aggregate(
            nearest=Min(column)
        )
    (query,) = [q["sql"] for q in queries.captured_queries]

    assert f"cms_page_live_{column}" in _plan(query)
