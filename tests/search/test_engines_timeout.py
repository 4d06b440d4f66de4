"""A search statement cannot run longer than its time limit on PostgreSQL: a cancelled search
answers from the fallback (``degraded``), or raises ``SearchUnavailable`` (a 503) when the
fallback is cancelled too; never an unhandled database error. PostgreSQL only: SQLite has no
statement timeout."""

import pytest
from django.db import connection
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext

from search import engines, service
from search.engines.limits import fetch_all_limited
from search.service import search, suggest
from tests.factories.search import make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.faults,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="statement_timeout is a PostgreSQL setting"
    ),
]

SLEEP_SECONDS = 3  # far beyond the limit below: only a cancelled statement returns in time


@pytest.fixture
def short_limits(settings):
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 50
    settings.SEARCH_FALLBACK_STATEMENT_TIMEOUT_MS = 5000


@pytest.fixture
def documents():
    return [make_document("Formation à la laïcité", "Pour les élu·e·s locaux.")]


def _slow(matched):
    """Wrap an engine's narrowing or matching (whichever returns the queryset its statement
    is built on) so that its statement sleeps inside PostgreSQL."""

    def slow_matched(self, *args):
        sleep = RawSQL("(SELECT 0 FROM pg_sleep(%s))", [SLEEP_SECONDS])
        return matched(self, *args).filter(pk__gte=sleep)

    return slow_matched


#: Where the PostgreSQL engine's statement starts: the rows the caller may read, filtered
#: (the match and the score are written as text around it, ``search.engines.postgres``).
NARROWED = (engines.PostgresEngine, "_narrowed")


def _setting(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        return cursor.fetchone()[0]


def _statement_timeout():
    return _setting("statement_timeout")


def _session():
    names = ("statement_timeout", *engines.PostgresEngine.planner)
    return {name: _setting(name) for name in names}


def test_a_search_cancelled_by_the_time_limit_answers_degraded_from_the_fallback(
    anonymous, documents, short_limits, monkeypatch
):
    monkeypatch.setattr(*NARROWED, _slow(engines.PostgresEngine._narrowed))
    response = search(anonymous, "laïcité")
    assert response.degraded
    assert [result.title for result in response.results] == ["Formation à la laïcité"]
    assert response.total == 1


def test_when_the_fallback_is_cancelled_too_search_is_unavailable(
    anonymous, documents, settings, monkeypatch
):
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 50
    settings.SEARCH_FALLBACK_STATEMENT_TIMEOUT_MS = 50
    monkeypatch.setattr(*NARROWED, _slow(engines.PostgresEngine._narrowed))
    monkeypatch.setattr(engines.FallbackEngine, "_matched", _slow(engines.FallbackEngine._matched))
    with pytest.raises(service.SearchUnavailable):
        search(anonymous, "laïcité")
    # The surrounding transaction is still usable: only the search's savepoint was undone.
    assert _statement_timeout() == "0"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_the_time_limit_and_planner_settings_do_not_outlive_the_search(
    anonymous, documents, short_limits
):
    before = _session()
    search(anonymous, "laïcité")
    suggest(anonymous, "forma")
    assert _session() == before


def _only_under(expected):
    """Wrap an engine's matching so that it finds rows only when ``expected`` (setting →
    value) is in force *while its statement runs*: PostgreSQL reads the settings there."""
    checks = " AND ".join("current_setting(%s) = %s" for _ in expected)
    condition = RawSQL(
        f"(SELECT CASE WHEN {checks} THEN 0 END)",
        [part for item in expected.items() for part in item],
    )
    original = engines.PostgresEngine._narrowed

    def matched_only_under(self, *args):
        return original(self, *args).filter(pk__gte=condition)

    return matched_only_under


def _the_limit_and_planner_settings_apply_to_the_search_statement(anonymous, settings, monkeypatch):
    settings.SEARCH_STATEMENT_TIMEOUT_MS = 1234
    expected = {"statement_timeout": "1234ms", **engines.PostgresEngine.planner}
    monkeypatch.setattr(*NARROWED, _only_under(expected))
    response = search(anonymous, "laïcité")
    assert not response.degraded
    assert [result.title for result in response.results] == ["Formation à la laïcité"]


def test_the_limit_and_planner_settings_apply_to_the_search_statement(
    anonymous, documents, settings, monkeypatch
):
    _the_limit_and_planner_settings_apply_to_the_search_statement(anonymous, settings, monkeypatch)


# Outside a transaction (autocommit, as a request runs) the settings travel with the statement
# in one message (``search.engines.limits.fetch_all_limited``): the same rules hold there.


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_settings_apply_to_the_search_statement(
    anonymous, documents, settings, monkeypatch
):
    assert connection.get_autocommit()
    _the_limit_and_planner_settings_apply_to_the_search_statement(anonymous, settings, monkeypatch)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_settings_do_not_outlive_the_search_statement(
    anonymous, documents, short_limits
):
    assert connection.get_autocommit()
    before = _session()
    response = search(anonymous, "laïcité")
    assert not response.degraded and response.total == 1
    assert _session() == before
    with connection.cursor() as cursor:  # the next statements run without the limit
        cursor.execute("SELECT pg_sleep(0.1), current_setting('statement_timeout')")
        assert cursor.fetchone()[1] == before["statement_timeout"]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_a_search_cancelled_by_the_limit_answers_from_the_fallback(
    anonymous, documents, short_limits, monkeypatch
):
    assert connection.get_autocommit()
    before = _session()
    monkeypatch.setattr(*NARROWED, _slow(engines.PostgresEngine._narrowed))
    response = search(anonymous, "laïcité")
    assert response.degraded
    assert [result.title for result in response.results] == ["Formation à la laïcité"]
    assert _session() == before  # the connection is usable, without the settings


@pytest.mark.django_db(transaction=True)
def test_with_server_side_binding_the_statement_runs_alone_in_a_transaction(monkeypatch):
    # Prepared statements take one statement each: the settings go first, in a transaction.
    options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": True}
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    with CaptureQueriesContext(connection) as captured:
        rows = fetch_all_limited("SELECT current_setting('statement_timeout')", [], 1234)
    assert rows == [("1234ms",)]
    assert not any(";" in query["sql"] for query in captured.captured_queries)
    assert _statement_timeout() == "0"


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_settings_and_the_statement_are_one_message():
    with CaptureQueriesContext(connection) as captured:
        rows = fetch_all_limited("SELECT current_setting('statement_timeout')", [], 1234)
    assert rows == [("1234ms",)]
    assert len(captured.captured_queries) == 1
    assert _statement_timeout() == "0"
