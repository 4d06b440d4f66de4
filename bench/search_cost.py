"""The fixed Python cost of a search (#16): CPU per request of the whole search and of each of
its stages, against the raw SQL baseline measured in the same run, on PostgreSQL and on
OpenSearch.

It runs on the data ``bench.search --quick --engine opensearch --keep`` (or a full run with
``--keep``) left: the database ``portal_bench_search`` (with ``$BENCH_DATABASE_SUFFIX``) and,
with ``--opensearch-url``, the ``bench`` index that run rebuilt on that node::

    BENCH_DATABASE_SUFFIX=_h16 DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/postgres \\
    .venv/bin/python -m bench.search_cost --opensearch-url http://127.0.0.1:9204

What is measured is this process's CPU time (``time.process_time``): Python, Django and the
database driver, never the time spent waiting for PostgreSQL or the node. **The fixed cost**
is a scenario's CPU per request minus the baseline's (``bench.search.BaselineClient``: the
same words as one hand-written SQL full-text query, 20 rows, whose Python side is the driver
reading them): what the portal adds to a search in Python, whatever the engine's own time.

Stages: the functions of ``search`` each stage runs in are wrapped for the run, their CPU
added up per request (a wrapper costs ≈ 1 µs per call; a stage that an older commit does not
have shows « — »). A stage inside another is indented under it; « autre » is the rest of the
whole (validation, parsing, building the response; for the API, Django's request cycle).
Rounds alternate the scenarios, so that a load change hits them all alike.

Options: ``--requests`` per scenario and round (default 100), ``--rounds`` (3),
``--scenario NAME`` (repeatable: only those), ``--profile NAME`` (cProfile of the scenario in
CPU time, after as many warm requests, sorted by own then cumulative time). To compare two
commits, run it from a worktree of each, one after the other, several times: under load the
CPU figures move by 10–30 % between runs.
"""

import argparse
import cProfile
import gc
import io
import os
import pstats
import sys
import time
from contextlib import contextmanager

from bench import harness
from bench.search import (
    BaselineClient,
    ServiceClient,
    _query,
    opensearch_backends,
    reused_database,
)

TIME_LIMIT = "délai d'instruction (SET LOCAL)"
#: Stages that are context managers: their entry and exit are timed, not their block.
CONTEXT_STAGES = {TIME_LIMIT}
#: ``(label, indent, [(module or class path, attribute)])``: the functions each stage runs in.
STAGES = [
    ("audience", 0, [("search.service", "audience_tokens")]),
    ("moteur", 0, [("search.service", "_run")]),
    ("instruction SQL / corps", 1, [
        ("search.engines.database:DatabaseEngine", "_matched_set"),
        ("search.engines.postgres:PostgresEngine", "_matched_set"),  # words: written SQL
        ("search.engines.database", "search_sql"),
        ("search.engines.elasticsearch:ElasticsearchEngine", "body"),
    ]),
    (TIME_LIMIT, 1, [("search.engines.database", "statement_time_limit")]),
    ("instruction exécutée (délai compris)", 1, [
        ("search.engines.database", "fetch_all_limited"),
    ]),
    ("envoi au nœud", 1, [("search.engines.elasticsearch:ElasticsearchEngine", "_search")]),
    ("lecture des lignes / facettes", 1, [
        ("search.engines.database", "read_rows"),
    ]),
    ("documents de la page", 1, [("search.engines.database", "page_documents")]),
    # OpenSearch: the documents and the facets' labels in one round trip.
    ("documents et libellés", 1, [
        ("search.engines.elasticsearch:ElasticsearchEngine", "_read_page"),
    ]),
    ("réponses des sujets", 0, [("search.service", "matching_replies")]),
    ("extraits et titres", 0, [("search.service", "_result")]),
    ("rendu JSON (API)", 0, [
        ("search.api.serializers:SearchResponseSerializer", "to_representation"),
    ]),
]  # fmt: skip


class StageClock:
    """CPU time of the wrapped functions, per stage, since the last ``reset``."""

    def __init__(self):
        self.spent = {label: 0.0 for label, _, _ in STAGES}
        self.present = set()
        self._undo = []

    def install(self):
        import importlib

        for label, _, targets in STAGES:
            for path, attribute in targets:
                module_path, _, class_name = path.partition(":")
                owner = importlib.import_module(module_path)
                if class_name:
                    owner = getattr(owner, class_name, None)
                if owner is None:
                    continue
                # A class's own attribute only: an inherited one is timed on its own class.
                original = (
                    vars(owner).get(attribute) if class_name else getattr(owner, attribute, None)
                )
                if original is None:
                    continue
                self.present.add(label)
                timer = self._context if label in CONTEXT_STAGES else self._timed
                setattr(owner, attribute, timer(label, original))
                self._undo.append((owner, attribute, original))

    def uninstall(self):
        for owner, attribute, original in reversed(self._undo):
            setattr(owner, attribute, original)
        self._undo.clear()

    def reset(self):
        for label in self.spent:
            self.spent[label] = 0.0

    def _timed(self, label, function):
        spent, clock = self.spent, time.process_time

        def timed(*args, **kwargs):
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += clock() - start

        return timed

    def _context(self, label, factory):
        """A context manager's entry and exit, not the block it wraps."""
        spent, clock = self.spent, time.process_time

        @contextmanager
        def timed(*args, **kwargs):
            start = clock()
            manager = factory(*args, **kwargs)
            manager.__enter__()
            spent[label] += clock() - start
            try:
                yield
            except BaseException:
                start = clock()
                if not manager.__exit__(*sys.exc_info()):
                    raise
                spent[label] += clock() - start
            else:
                start = clock()
                manager.__exit__(None, None, None)
                spent[label] += clock() - start

        return timed


class ApiClient:
    """``/api/search/`` through Django's test client, on the engine ``backends`` sets."""

    def __init__(self, client, backends=None):
        self.client, self.backends = client, backends

    def get(self, q):
        from urllib.parse import urlencode

        from django.conf import settings

        if ServiceClient.database_backends is None:
            ServiceClient.database_backends = settings.WAGTAILSEARCH_BACKENDS
        settings.WAGTAILSEARCH_BACKENDS = self.backends or ServiceClient.database_backends
        response = self.client.get("/api/search/?" + urlencode({"q": q}))
        if response.status_code != 200 or b'"degraded":false' not in response.content:
            raise harness.BenchError(f"/api/search/ : {response.status_code}")
        return response


def clients(member, opensearch_url):
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    engines = [("PostgreSQL", None)]
    if opensearch_url:
        engines.append(("OpenSearch", opensearch_backends(opensearch_url)))
    measured = [("base SQL", BaselineClient())]
    for engine, backends in engines:
        measured += [
            (f"anonyme · {engine}", ServiceClient(AnonymousUser(), backends=backends)),
            (f"membre · {engine}", ServiceClient(member, backends=backends)),
            (
                f"membre + filtres · {engine}",
                ServiceClient(member, {"kind": ["breve", "sujet", "actualite"]}, backends),
            ),
            (f"API anonyme · {engine}", ApiClient(Client(), backends)),
            (f"API membre · {engine}", ApiClient(harness.logged_in_client(member), backends)),
        ]
    return measured


def measure(measured, clock, requests, rounds, warmup=10):
    """``{name: (CPU seconds, requests, {stage: CPU seconds})}`` over alternating rounds."""
    totals = {name: [0.0, 0, dict.fromkeys(clock.spent, 0.0)] for name, _ in measured}
    for _name, client in measured:
        for i in range(warmup):
            client.get(_query(i))
    for _round in range(rounds):
        for name, client in measured:
            gc.collect()
            clock.reset()
            start = time.process_time()
            for i in range(requests):
                client.get(_query(i))
            spent = totals[name]
            spent[0] += time.process_time() - start
            spent[1] += requests
            for label, seconds in clock.spent.items():
                spent[2][label] += seconds
    return totals


def print_table(totals, clock):
    names = list(totals)
    base_ms = totals["base SQL"][0] / totals["base SQL"][1] * 1000
    width = max(len(label) + 2 * indent for label, indent, _ in STAGES) + 2
    print(f"\nCPU ms par requête (process_time), base SQL {base_ms:.2f} ms")
    for name in names[1:]:
        seconds, count, stages = totals[name]
        whole = seconds / count * 1000
        print(f"\n{name} : {whole:.2f} ms, coût fixe (moins la base) {whole - base_ms:.2f} ms")
        accounted = 0.0
        for label, indent, _ in STAGES:
            if label not in clock.present:
                value = "—"
            else:
                ms = stages[label] / count * 1000
                if indent == 0:
                    accounted += ms
                if not ms:
                    continue
                value = f"{ms:6.2f}"
            print(f"  {'  ' * indent}{label:<{width - 2 * indent}}{value:>7}")
        print(f"  {'autre':<{width}}{whole - accounted:6.2f}")


def profile(name, client, requests=100, top=45):
    for i in range(requests):  # warm: the caches of the analysis and the snippets
        client.get(_query(i))
    profiler = cProfile.Profile(time.process_time)  # CPU, not the time spent waiting
    profiler.enable()
    for i in range(requests):
        client.get(_query(i))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    print(f"\n--- profil de {name} ({requests} requêtes, temps propre)\n{out.getvalue()}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--opensearch-url", help="the node a --engine opensearch run rebuilt")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scenario", action="append", default=[])
    parser.add_argument("--profile", action="append", default=[])
    args = parser.parse_args(argv)

    def body():
        from django.contrib.auth import get_user_model

        with reused_database(args):
            member = get_user_model().objects.get(email="membre.bench@exemple.org")
            measured = clients(member, args.opensearch_url)
            if args.scenario:
                measured = [m for m in measured if m[0] == "base SQL" or m[0] in args.scenario]
            for name, client in measured:
                if name in args.profile:
                    profile(name, client)
            clock = StageClock()
            clock.install()
            try:
                totals = measure(measured, clock, args.requests, args.rounds)
            finally:
                clock.uninstall()
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            print_table(totals, clock)
            print(f"\nCharge à la fin : {load}")
        return 0

    return harness.main(body)


if __name__ == "__main__":
    sys.exit(main())
