"""The benchmark harness: a dedicated database, in-process requests, a report against a baseline.

How a benchmark script uses it::

    from bench import harness

    parser = harness.argument_parser("Ce que mesure le script.")
    args = parser.parse_args()
    with harness.bench_database("portal_bench_mine", args) as db:   # Django set up, migrated
        with harness.step("load"):                                  # prints the duration
            ...                                                     # create the data set
        scenarios = [harness.Scenario("listing", "/api/v2/pages/?limit=20", target=0.3)]
        report = harness.run(scenarios, args)                       # baseline + scenarios
        report.print()
    sys.exit(report.exit_code())

What is measured, and how:

- Requests go through ``django.test.Client``: the portal's full WSGI handler and middleware
  stack, in the benchmark's own process, without sockets or an HTTP server. Figures are the
  cost of Django + the portal's code + the database, free of network noise; a real server
  adds the same per-request overhead to every scenario, baseline included.
- The **baseline** is ``bench.views.baseline`` (one row of a table as JSON), measured in the
  same run, in every round, so ratios hold on any machine.
- Each scenario is run for ``--rounds`` rounds, interleaved with the baseline (baseline, A, B…,
  baseline, A, B…): slow drifts of a shared machine hit every scenario alike. A round is
  ``--warmup`` unmeasured requests, then ``--requests`` timed ones, cut short after
  ``--max-seconds``. Throughput is the median over rounds of requests / wall-clock time;
  p50/p95 latencies are over every timed request of every round.
- CPU ms is this process's CPU time per timed request (``time.process_time``): the Python
  side alone, steadier than wall-clock figures on a shared machine, where waiting for a busy
  PostgreSQL inflates latencies of query-heavy pages more than the baseline's.
- SQL queries per request are counted afterwards, on a few extra requests
  (``Sizes.query_samples``) under
  ``CaptureQueriesContext`` (never during timing: capturing forces a debug cursor).
- Every response must have the expected status (and pass the scenario's ``check`` once),
  otherwise the run stops with ``BenchError``: a benchmark of error pages measures nothing.

The database: ``bench_database`` creates a dedicated PostgreSQL database named by the script
(dropped and recreated at each run, dropped at the end unless ``--keep``) from the server of
``--database-url`` (default: ``DATABASE_URL``), migrates it (as a copy of a migrated template
database, see ``_migrate_postgres``), and points Django at it with ``bench.settings``.
Without any URL it falls back to a throw-away SQLite file, fine for smoke runs but not for
reference figures.

Exit codes (``Report.exit_code`` and ``main``): 0 every target met, 1 a target missed,
2 setup or data load failed, or a response was wrong.
"""

import argparse
import cProfile
import gc
import io
import math
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

BASELINE_NAME = "baseline"
BASELINE_PATH = "/bench/baseline/"
SETTINGS_MODULE = "bench.settings"
TEMPLATE_PREFIX = "portal_bench_template_"

EXIT_OK = 0
EXIT_TARGET_MISSED = 1
EXIT_FAILED = 2


def database_name(base):
    """``base``, followed by ``$BENCH_DATABASE_SUFFIX`` when set.

    Two people benchmarking on one PostgreSQL server at the same time would otherwise drop
    each other's database: each sets its own suffix (``BENCH_DATABASE_SUFFIX=_h9``).
    """
    return base + os.environ.get("BENCH_DATABASE_SUFFIX", "")


class BenchError(Exception):
    """The benchmark cannot produce meaningful figures (bad setup, bad data, wrong response)."""


# --- command line ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    """Repetitions of a run: full figures by default, a few requests with ``--quick``."""

    requests: int = 300
    warmup: int = 30
    rounds: int = 3
    max_seconds: float = 30.0
    query_samples: int = 3


FULL = Sizes()
QUICK = Sizes(requests=30, warmup=5, rounds=2, max_seconds=10.0, query_samples=2)


def argument_parser(description):
    """The options every benchmark script shares (a script adds its own)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller data set and fewer requests: a smoke run, not reference figures",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL server to use (the database name is replaced by the benchmark's own); "
        "default: $DATABASE_URL; none: a throw-away SQLite file",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the benchmark database at the end"
    )
    parser.add_argument("--requests", type=int, help="timed requests per scenario and round")
    parser.add_argument("--warmup", type=int, help="unmeasured requests before each round")
    parser.add_argument("--rounds", type=int, help="rounds (baseline and scenarios interleaved)")
    parser.add_argument(
        "--max-seconds", type=float, help="time limit of one scenario's round (seconds)"
    )
    parser.add_argument(
        "--show-queries",
        metavar="SCENARIO",
        action="append",
        default=[],
        help="print the SQL of one request of SCENARIO (repeatable)",
    )
    parser.add_argument(
        "--profile",
        metavar="SCENARIO",
        action="append",
        default=[],
        help="profile SCENARIO with cProfile and print the heaviest functions (repeatable)",
    )
    return parser


def sizes_from(args) -> Sizes:
    base = QUICK if getattr(args, "quick", False) else FULL
    overrides = {
        name: getattr(args, name)
        for name in ("requests", "warmup", "rounds", "max_seconds")
        if getattr(args, name, None) is not None
    }
    return Sizes(**{**base.__dict__, **overrides})


# --- database and Django --------------------------------------------------------------------


def _database_url(server_url, name):
    """``server_url`` with its database replaced by ``name``; SQLite in a temp dir if empty."""
    if not server_url:
        return f"sqlite:///{os.path.join(tempfile.gettempdir(), name + '.sqlite3')}"
    parts = urlsplit(server_url)
    if not parts.scheme.startswith("postgres"):
        raise BenchError(f"PostgreSQL attendu pour --database-url, pas « {parts.scheme} ».")
    return urlunsplit(parts._replace(path="/" + name))


def _postgres(url, statement):
    """Run ``statement`` on the server's maintenance database, outside any transaction (as
    CREATE/DROP DATABASE need); returns the rows of a SELECT."""
    import psycopg

    maintenance = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if statement.startswith("SELECT") else None


def _drop(url, name):
    _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _migrations_fingerprint():
    """A digest of every migration file of every installed app (project and packages)."""
    import hashlib
    import inspect

    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for key in sorted(loader.disk_migrations):
        digest.update(repr(key).encode())
        source = inspect.getsourcefile(type(loader.disk_migrations[key]))
        with open(source, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]


def _migrate_postgres(url, name):
    """Create ``name`` migrated, copying a template database when one matches the migrations.

    Migrating from scratch takes about a minute; ``CREATE DATABASE … TEMPLATE`` a second. The
    template's name carries a digest of every migration file, so a changed or new migration
    makes a new template (older ones are dropped); ``migrate`` still runs on the copy.
    """
    from django.core.management import call_command
    from django.db import connections

    template = f"{TEMPLATE_PREFIX}{_migrations_fingerprint()}"
    exists = _postgres(url, f"SELECT 1 FROM pg_database WHERE datname = '{template}'")
    if exists:
        with step(f"copy of the migrated template {template}"):
            _postgres(url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            call_command("migrate", verbosity=0, interactive=False)
        return
    with step("migrate"):
        _postgres(url, f'CREATE DATABASE "{name}"')
        call_command("migrate", verbosity=0, interactive=False)
    connections.close_all()
    stale = _postgres(
        url, f"SELECT datname FROM pg_database WHERE datname LIKE '{TEMPLATE_PREFIX}%'"
    )
    for (old,) in stale:
        _drop(url, old)
    try:
        _postgres(url, f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    except Exception as error:  # another benchmark made it meanwhile: nothing lost
        print(f"  (modèle {template} non créé : {error})")


@dataclass
class Database:
    name: str
    url: str
    vendor: str


@contextmanager
def bench_database(name, args=None):
    """Create the benchmark database ``name`` migrated, set Django up on it; clean up after.

    Must run before anything imports Django models. Drops the database at the end unless
    ``args.keep``. Media and static files of the run go to a throw-away directory.
    """
    if not name.replace("_", "").isalnum():
        raise BenchError(f"Nom de base non valide : {name}")
    server_url = getattr(args, "database_url", "") if args is not None else ""
    keep = bool(getattr(args, "keep", False))
    url = _database_url(server_url, name)
    vendor = "postgresql" if url.startswith("postgres") else "sqlite"
    var_dir = tempfile.mkdtemp(prefix=f"{name}-")
    for sub in ("media", "private", "static"):
        os.makedirs(os.path.join(var_dir, sub))
    if vendor == "postgresql":
        _drop(url, name)
    else:
        sqlite_path = urlsplit(url).path
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(sqlite_path + suffix):
                os.remove(sqlite_path + suffix)
        print("! SQLite : chiffres indicatifs seulement (référence : PostgreSQL).")

    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ["BENCH_VAR_DIR"] = var_dir
    import django

    django.setup()
    database = Database(name=name, url=_printable(url), vendor=vendor)
    print(f"Base : {database.url} ({vendor})")
    try:
        if vendor == "postgresql":
            _migrate_postgres(url, name)
        else:
            from django.core.management import call_command

            with step("migrate"):
                call_command("migrate", verbosity=0, interactive=False)
        yield database
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)
        if keep:
            print(f"Base conservée : {database.url}")
        elif vendor == "postgresql":
            _drop(url, name)
        else:
            os.remove(urlsplit(url).path)


def _printable(url):
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


@contextmanager
def step(label):
    """Print ``label`` and how long the block took (data loads, migrations)."""
    print(f"· {label}…", end="", flush=True)
    start = time.perf_counter()
    try:
        yield
    except BaseException:
        print(" ÉCHEC")
        raise
    print(f" {time.perf_counter() - start:.1f} s")


def timed(label, function, *args, **kwargs):
    """Run ``function`` inside ``step(label)`` and return (result, seconds)."""
    start = time.perf_counter()
    with step(label):
        result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def vacuum_analyze():
    """After a bulk load: planner statistics and visibility maps as autovacuum would leave
    them in production (index-only scans need the latter). PostgreSQL only; outside any
    transaction."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


# --- scenarios and measurement --------------------------------------------------------------


@dataclass
class Scenario:
    """One kind of request to measure.

    ``path`` and ``data`` may be callables of the request's number (``i``), e.g. to post a
    different text each time. ``client`` is an authenticated ``django.test.Client`` when the
    page needs a user (default: an anonymous one). ``check(response)`` runs on the first
    response and raises ``BenchError`` (or returns a message) when the content is not what
    the scenario claims to measure. ``target`` is the minimum throughput ratio to the baseline
    (``None``: reported only).
    """

    name: str
    path: str | Callable[[int], str]
    method: str = "get"
    data: dict | Callable[[int], dict] | None = None
    client: object = None
    expect: int = 200
    check: Callable | None = None
    target: float | None = None
    description: str = ""
    #: Run before each request, outside the measured time: what the scenario sets up for it
    #: (a cold request's new content generation), not what serving it costs.
    prepare: Callable[[int], None] | None = None
    checked: bool = field(default=False, init=False, repr=False)

    def prepare_request(self, i):
        if self.prepare is not None:
            self.prepare(i)

    def request(self, i):
        path = self.path(i) if callable(self.path) else self.path
        data = self.data(i) if callable(self.data) else self.data
        send = getattr(self.client, self.method)
        response = send(path, data) if data is not None else send(path)
        if response.status_code != self.expect:
            body = getattr(response, "content", b"")[:500].decode("utf-8", "replace")
            raise BenchError(
                f"{self.name} : {self.method.upper()} {path} a répondu {response.status_code}, "
                f"{self.expect} attendu.\n{body}"
            )
        return response


@dataclass
class Result:
    name: str
    description: str
    target: float | None
    rounds_rps: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds
    cpu_seconds: float = 0.0  # this process's CPU time over every timed request
    queries: list[int] = field(default_factory=list)
    ratio: float | None = None
    cpu_ratio: float | None = None

    @property
    def requests(self):
        return len(self.latencies)

    @property
    def rps(self):
        return statistics.median(self.rounds_rps) if self.rounds_rps else 0.0

    @property
    def cpu_ms(self):
        """Mean CPU time of this process per request: the Python side (Django, the portal,
        the database driver), without the time spent waiting for PostgreSQL."""
        return self.cpu_seconds / self.requests * 1000 if self.requests else 0.0

    @property
    def p50_ms(self):
        return percentile(self.latencies, 50) * 1000

    @property
    def p95_ms(self):
        return percentile(self.latencies, 95) * 1000

    @property
    def queries_label(self):
        if not self.queries:
            return "?"
        low, high = min(self.queries), max(self.queries)
        return str(low) if low == high else f"{low}–{high}"

    @property
    def met(self):
        if self.target is None or self.ratio is None:
            return None
        return self.ratio >= self.target


def percentile(values, pct):
    """Nearest-rank percentile (no interpolation: a value that was really observed)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _anonymous_client():
    from django.test import Client

    return Client()


def ensure_baseline_row():
    """The baseline reads the first user row: make one if the data set has no user."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    if not model.objects.exists():
        model.objects.create_user(email="base@exemple.org", password=None, first_name="Base")


def baseline_scenario():
    return Scenario(
        BASELINE_NAME,
        BASELINE_PATH,
        description="vue Django minimale : une ligne d'une table en JSON",
    )


def measure_round(scenario, sizes, result):
    """Warm up, then time up to ``sizes.requests`` requests (at most ``sizes.max_seconds``)."""
    if scenario.check is not None and not scenario.checked:
        scenario.prepare_request(-1)
        _run_check(scenario, scenario.request(-1))
    for i in range(sizes.warmup):
        scenario.prepare_request(i)
        scenario.request(i)
    gc.collect()
    timings = []
    # The scenario's own preparation (``Scenario.prepare``) is left out of both clocks.
    prepared_wall = prepared_cpu = 0.0
    cpu_start = time.process_time()
    start = time.perf_counter()
    deadline = start + sizes.max_seconds
    for i in range(sizes.warmup, sizes.warmup + sizes.requests):
        if scenario.prepare is not None:
            p0, c0 = time.perf_counter(), time.process_time()
            scenario.prepare(i)
            prepared_wall += time.perf_counter() - p0
            prepared_cpu += time.process_time() - c0
        t0 = time.perf_counter()
        scenario.request(i)
        t1 = time.perf_counter()
        timings.append(t1 - t0)
        if t1 > deadline:
            break
    wall = time.perf_counter() - start - prepared_wall
    result.cpu_seconds += time.process_time() - cpu_start - prepared_cpu
    result.latencies.extend(timings)
    result.rounds_rps.append(len(timings) / wall if wall > 0 else 0.0)


def _run_check(scenario, response):
    message = scenario.check(response)
    if message:
        raise BenchError(f"{scenario.name} : {message}")
    scenario.checked = True


def count_queries(scenario, samples, offset=10**6, show=False):
    """SQL queries of ``samples`` requests (numbered from ``offset``), one count per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for i in range(samples):
        scenario.prepare_request(offset + i)
        with CaptureQueriesContext(connection) as captured:
            scenario.request(offset + i)
        counts.append(len(captured.captured_queries))
        if show and i == 0:
            print(f"\n--- SQL de {scenario.name} ({len(captured.captured_queries)} requêtes)")
            for number, query in enumerate(captured.captured_queries, start=1):
                print(f"{number:3}. [{float(query['time']) * 1000:.1f} ms] {query['sql']}")
    return counts


def profile(scenario, requests=50, top=None):
    """cProfile, in CPU time, over ``requests`` requests of ``scenario``: the heaviest
    functions, cumulated (``top`` of them: ``$BENCH_PROFILE_TOP``, else 30), then the own
    time per package."""
    top = top or int(os.environ.get("BENCH_PROFILE_TOP", "30"))
    profiler = cProfile.Profile(time.process_time)  # CPU, what the targets compare
    for i in range(requests):
        scenario.prepare_request(2 * 10**6 + i)
        profiler.enable()
        scenario.request(2 * 10**6 + i)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    by_package = _own_time_by_package(stats)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    print(f"\n--- profil de {scenario.name} ({requests} requêtes, cumulé)")
    print(out.getvalue())
    total = sum(by_package.values()) or 1
    print(f"--- temps propre par paquet ({scenario.name})")
    for package, seconds in sorted(by_package.items(), key=lambda item: -item[1])[:15]:
        print(f"  {package:<28} {seconds / requests * 1000:7.2f} ms  {seconds / total:5.1%}")


#: The project's directory: time spent in its files is counted per app.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _own_time_by_package(stats):
    """Own (not cumulated) time of the profile per top-level package: which library the
    time is spent in (``site-packages/<package>``, the project's apps, the standard library,
    built-ins)."""
    spent = {}
    for (filename, _line, _name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
        if "site-packages/" in filename:
            package = filename.split("site-packages/", 1)[1].split("/", 1)[0]
        elif filename.startswith(str(ROOT)):
            package = os.path.relpath(filename, ROOT).split(os.sep, 1)[0]
        elif filename.startswith("~") or filename.startswith("<"):
            package = "(built-ins)"
        else:
            package = "(bibliothèque standard)"
        spent[package] = spent.get(package, 0.0) + own
    return spent


@dataclass
class Report:
    baseline: Result
    results: list[Result]
    sizes: Sizes
    extra_checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def __getitem__(self, name):
        for result in [self.baseline, *self.results]:
            if result.name == name:
                return result
        raise KeyError(name)

    def add_check(self, label, ok, detail=""):
        """A non-throughput target (e.g. "query count constant"), shown and counted."""
        self.extra_checks.append((label, bool(ok), detail))

    @property
    def all_met(self):
        throughput = all(result.met is not False for result in self.results)
        return throughput and all(ok for _label, ok, _detail in self.extra_checks)

    def exit_code(self):
        return EXIT_OK if self.all_met else EXIT_TARGET_MISSED

    def rows(self):
        rows = []
        for result in [self.baseline, *self.results]:
            ratio = "1.00" if result is self.baseline else f"{result.ratio:.2f}"
            cpu_ratio = "1.00" if result is self.baseline else f"{result.cpu_ratio:.2f}"
            target = f"≥ {result.target:.2f}" if result.target is not None else "—"
            status = {True: "atteint", False: "NON ATTEINT", None: ""}[result.met]
            rows.append(
                [
                    result.name,
                    f"{result.rps:.0f}",
                    ratio,
                    f"{result.p50_ms:.1f}",
                    f"{result.p95_ms:.1f}",
                    f"{result.cpu_ms:.1f}",
                    cpu_ratio,
                    result.queries_label,
                    str(result.requests),
                    target,
                    status,
                ]
            )
        return rows

    def print(self, file=None):
        file = file or sys.stdout
        headers = [
            "scénario",
            "req/s",
            "× base",
            "p50 ms",
            "p95 ms",
            "CPU ms",
            "× base CPU",
            "SQL/req",
            "n",
            "cible",
            "",
        ]
        rows = self.rows()
        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

        def line(cells):
            text = "  ".join(
                str(cell).ljust(width) if i in (0, len(headers) - 1) else str(cell).rjust(width)
                for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )
            return text.rstrip()

        print(file=file)
        print(line(headers), file=file)
        print(line(["-" * width for width in widths]), file=file)
        for row in rows:
            print(line(row), file=file)
        print(
            f"\n{self.sizes.rounds} tours × {self.sizes.requests} requêtes chronométrées "
            f"(+{self.sizes.warmup} d'échauffement) par scénario ; req/s : médiane des tours ; "
            "× base : rapport au débit de la vue de base du même passage ; CPU ms : temps "
            "processeur Python par requête (hors attente de PostgreSQL) ; × base CPU : CPU de "
            "la base / CPU du scénario.",
            file=file,
        )
        for label, ok, detail in self.extra_checks:
            status = "atteint" if ok else "NON ATTEINT"
            print(f"- {label} : {status}{f' ({detail})' if detail else ''}", file=file)
        verdict = "toutes les cibles sont atteintes" if self.all_met else "cible(s) manquée(s)"
        print(f"\nRésultat : {verdict}.", file=file)


def describe_environment():
    """One line on what the figures were measured with, and how busy the machine was."""
    import platform

    import django
    import wagtail
    from django.db import connection

    database = connection.vendor
    if database == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cœurs, Python {platform.python_version()}, Django {django.__version__}, "
        f"Wagtail {wagtail.__version__}, {database} ; charge (1, 5, 15 min) : {load}"
    )


def run(scenarios, args=None, *, sizes=None, baseline=None):
    """Measure the baseline and ``scenarios`` (see the module docstring); returns a Report."""
    sizes = sizes or sizes_from(args)
    if baseline is None:
        ensure_baseline_row()
        baseline = baseline_scenario()
    everything = [baseline, *scenarios]
    for scenario in everything:
        if scenario.client is None:
            scenario.client = _anonymous_client()
    results = {s.name: Result(s.name, s.description, s.target) for s in everything}
    if len(results) != len(everything):
        raise BenchError("Deux scénarios portent le même nom.")
    print(f"Machine : {describe_environment()}")
    for number in range(1, sizes.rounds + 1):
        print(f"· tour {number}/{sizes.rounds}…", end="", flush=True)
        start = time.perf_counter()
        for scenario in everything:
            measure_round(scenario, sizes, results[scenario.name])
        print(f" {time.perf_counter() - start:.1f} s")
    show = set(getattr(args, "show_queries", []) or [])
    for scenario in everything:
        results[scenario.name].queries = count_queries(
            scenario, sizes.query_samples, show=scenario.name in show
        )
    for name in getattr(args, "profile", []) or []:
        matching = [s for s in everything if s.name == name]
        if not matching:
            raise BenchError(f"--profile : scénario inconnu « {name} ».")
        profile(matching[0])
    print(f"Charge à la fin : {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    base = results[baseline.name]
    for result in results.values():
        result.ratio = result.rps / base.rps if base.rps else 0.0
        result.cpu_ratio = base.cpu_ms / result.cpu_ms if result.cpu_ms else 0.0
    return Report(base, [results[s.name] for s in scenarios], sizes)


def logged_in_client(user):
    """A ``django.test.Client`` with ``user``'s session (no password hashing involved)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def main(body):
    """Run ``body()`` (which returns an exit code) and turn failures into exit code 2."""
    try:
        code = body()
    except BenchError as error:
        print(f"\nÉchec du benchmark : {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception:
        traceback.print_exc()
        print("\nÉchec du benchmark (exception ci-dessus).", file=sys.stderr)
        return EXIT_FAILED
    return code
