"""The benchmark harness still runs and reports figures (no timing is asserted: numbers only).

Keeps ``bench/`` from rotting: the scripts are run by hand, this test runs their harness on
the baseline view for a few requests.
"""

import io
import time

import pytest

from bench import harness
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]

TINY = harness.Sizes(requests=5, warmup=1, rounds=2, max_seconds=5.0, query_samples=2)


@pytest.fixture
def report():
    UserFactory()
    scenarios = [
        harness.Scenario("base again", harness.BASELINE_PATH, target=0.0),
        harness.Scenario("missing page", "/bench/nowhere/", expect=404),
    ]
    return harness.run(scenarios, sizes=TINY)


def test_harness_reports_throughput_latency_and_queries_for_every_scenario(report):
    for result in [report.baseline, *report.results]:
        assert result.requests == TINY.requests * TINY.rounds
        assert len(result.rounds_rps) == TINY.rounds
        assert result.rps > 0
        assert 0 < result.p50_ms <= result.p95_ms
        assert result.cpu_ms > 0 and result.cpu_ratio > 0
        assert len(result.queries) == TINY.query_samples
    assert report.baseline.queries == [1, 1]
    assert report["base again"].ratio > 0
    assert report["base again"].met is True


def test_report_table_names_each_scenario_and_the_verdict(report):
    out = io.StringIO()
    report.print(file=out)
    text = out.getvalue()
    assert "baseline" in text and "base again" in text and "missing page" in text
    assert "req/s" in text and "SQL/req" in text
    assert "toutes les cibles sont atteintes" in text
    assert report.exit_code() == harness.EXIT_OK


def test_missed_target_or_failed_check_changes_the_exit_code(report):
    report.add_check("requêtes constantes", False, "3 ≠ 4")
    assert report.exit_code() == harness.EXIT_TARGET_MISSED


def test_unexpected_status_stops_the_run():
    UserFactory()
    wrong = harness.Scenario("wrong status", "/bench/nowhere/", expect=200)
    with pytest.raises(harness.BenchError, match="404"):
        harness.run([wrong], sizes=TINY)


def test_failed_content_check_stops_the_run():
    UserFactory()
    scenario = harness.Scenario(
        "checked", harness.BASELINE_PATH, check=lambda response: "contenu inattendu"
    )
    with pytest.raises(harness.BenchError, match="contenu inattendu"):
        harness.run([scenario], sizes=TINY)


def test_main_turns_failures_into_exit_code_2():
    def body():
        raise harness.BenchError("chargement impossible")

    assert harness.main(body) == harness.EXIT_FAILED
    assert harness.main(lambda: harness.EXIT_OK) == harness.EXIT_OK


def test_percentile_is_a_value_really_observed():
    assert harness.percentile([0.3, 0.1, 0.2, 0.4], 50) == 0.2
    assert harness.percentile([0.3, 0.1, 0.2, 0.4], 95) == 0.4
    assert harness.percentile([], 50) == 0.0


def test_a_database_suffix_keeps_concurrent_benchmarks_apart(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_SUFFIX", "_h9")
    assert harness.database_name("portal_bench_search") == "portal_bench_search_h9"
    monkeypatch.delenv("BENCH_DATABASE_SUFFIX")
    assert harness.database_name("portal_bench_search") == "portal_bench_search"


def test_a_scenario_s_preparation_runs_before_each_request_outside_the_measured_time():
    UserFactory()
    prepared = []

    def burn(i):  # 20 ms of CPU per request, which the figures must not show
        prepared.append(i)
        deadline = time.process_time() + 0.02
        while time.process_time() < deadline:
            pass

    from django.test import Client

    plain = harness.Scenario("plain", harness.BASELINE_PATH, client=Client())
    burning = harness.Scenario("prepared", harness.BASELINE_PATH, client=Client(), prepare=burn)
    sizes = harness.Sizes(requests=5, warmup=1, rounds=1, max_seconds=5.0, query_samples=1)
    plain_result, burning_result = (harness.Result(s.name, "", None) for s in (plain, burning))
    harness.measure_round(plain, sizes, plain_result)
    harness.measure_round(burning, sizes, burning_result)
    assert len(prepared) == 6  # the warm-up request too
    assert burning_result.cpu_ms < 20 and burning_result.p95_ms < 20
    assert burning_result.cpu_ms < plain_result.cpu_ms + 10
