"""Benchmark of search (issue 4): queries with facets and permissions, and a full rebuild.

Data set (``--quick``: a tenth of it), loaded into a dedicated PostgreSQL database as
*sources*, so that the rebuild has something real to rebuild from:

- a site (home, indexes), 6 themes, 14 territories; 30,000 live pages (news, briefs, events,
  dossiers) bulk-loaded into the page tree (``bench.page_tree``), 600 of the news under a
  view-restricted index (``staff`` documents), each page with 1–2 themes and a territory;
- 200 extranet spaces, 70,000 topics and 140,000 posts in them, an opening post and a reply
  each (bulk inserts; a topic and its posts are one search document, since #10 §2);
- every text generated from the vocabulary of the seeds (``/work/shared/seeds/*.txt``): a
  word-level Markov chain over their lower-case words (so no proper name of the seeds), with
  the field's abbreviations and inclusive forms sprinkled in, so that term frequencies and
  the full-text index look like real French content.

Steps:

1. **rebuild from empty** (``search.sync.rebuild``, what ``manage.py search_rebuild`` runs)
   in a child process, which makes the 100,000 search documents (30,000 pages, 70,000 topics
   with their posts) from 240,000 rows;
2. **queries** through ``search.service.search`` (what ``/api/search/`` and ``/recherche/``
   call: audience tokens, validation, the engine's page and facets, snippets), interleaved
   with the **baseline** of the same run: the same words as a direct SQL full-text query
   (``websearch_to_tsquery`` with the ``portal_french`` configuration over a stored, GIN-
   indexed ``tsvector`` of title and body, ranked with ``ts_rank``, first 20 rows) without
   facets or permissions. Scenarios: anonymous; a member of 20 of the 200 spaces; the same
   member with a kind and a year filter. Through ``/api/search/`` too when it exists
   (reported, no target). Targets: p95 ≤ 50 ms and throughput ≥ 0.5 × the baseline's;
3. **rebuild over the existing index** (the usual ``search_rebuild``), in a child process.

Rebuild targets: ≥ 1,000 documents/s; the rate over the last tenth of the documents at least
0.8 × the rate over the first tenth (the rebuild interleaves source types in proportion, so
both tenths hold the same mix; the rate of each source type is printed too); peak memory
under 500 MB, measured as the child process's peak
resident set size (``resource.getrusage(RUSAGE_SELF).ru_maxrss``: interpreter, Django and
everything the rebuild allocates, no tracing overhead).

Command (PostgreSQL; the database ``portal_bench_search`` is created, then dropped)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m bench.search

With ``--engine opensearch`` (a node from ``bin/opensearch start``, ``--opensearch-url``,
default http://127.0.0.1:9200), the same documents are also rebuilt into OpenSearch from the
sources (``search_rebuild --reset``: every document computed and stored again, a fresh index,
then the alias swap) and the same scenarios run on it, side by side with PostgreSQL in the
same rounds, against the same baseline; after the queries, OpenSearch's index is rebuilt
again from the stored documents alone (``search_rebuild --from-documents``: what an operator
runs for a new node, new engine settings or mapping). Targets on OpenSearch: p95 ≤ 50 ms with
the audience filter and facets; the engine's rebuild (from the stored documents) ≥ 2,000
documents/s; the rebuild from the sources has the database rebuild's target (1,000/s: it
does the same work, and pushes to the engine besides). The node's memory (JVM heap, process
RSS) is printed.

Options: ``--quick`` (10,000 documents, fewer requests), ``--keep``, ``--chunk-size``,
``--show-queries "membre 20 espaces"``, ``--profile anonyme``, ``--reuse`` (queries only,
on the database a ``--keep`` run left) and those of ``bench.harness``.
Exit code: 0 targets met, 1 a target missed, 2 the load or a response failed.
"""

import json
import random
import re
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import harness

DATABASE_NAME = harness.database_name("portal_bench_search")
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SPACES = 200
MEMBER_SPACES = 20
P95_TARGET_MS = 50.0
THROUGHPUT_TARGET = 0.5
REBUILD_RATE_TARGET = 1000.0
ENGINE_REBUILD_RATE_TARGET = 2000.0
OPENSEARCH_INDEX_PREFIX = "bench_"
TAIL_RATIO_TARGET = 0.8
MEMORY_TARGET_MB = 500.0
BASELINE_TABLE = "bench_search_baseline"
SEARCH_CONFIG = "portal_french"

QUERIES = [
    "politique de la ville",
    "laïcité",
    "insertion professionnelle",
    "réussite éducative",
    "QPV",
    "acteur·rice·s",
    "formation",
    "prévention de la délinquance",
    "jeunes",
    "habitants",
    "contrat de ville",
    "égalité",
    "emploi",
    "accompagnement des territoires",
    "rencontre régionale",
    "santé",
    "illettrisme",
    "PRE",
    "diagnostic partagé",
    "les élus locaux",
]
# Words of the field sprinkled in the generated text (abbreviations, inclusive writing).
FIELD_WORDS = [
    "QPV",
    "PRE",
    "CLSPD",
    "NPNRU",
    "ESAT",
    "FLE",
    "acteur·rice·s",
    "habitant·e·s",
    "élu·e·s",
    "coordinateur·rice·s",
    "laïcité",
    "politique de la ville",
    "réussite éducative",
]


@dataclass(frozen=True)
class DataSize:
    pages: int
    restricted: int
    topics: int
    posts_per_topic: int

    @property
    def posts(self):
        return self.topics * self.posts_per_topic

    @property
    def documents(self):
        # A topic and its posts are one document (search.documents.forum, #10 §2). Until 4
        # December 2026 each reply was a document: 10,000 topics of 7 posts made 70,000.
        return self.pages + self.topics


FULL_DATA = DataSize(pages=30_000, restricted=600, topics=70_000, posts_per_topic=2)
QUICK_DATA = DataSize(pages=3_000, restricted=60, topics=7_000, posts_per_topic=2)


# --- French-looking text from the seeds -----------------------------------------------------

_TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")


class Vocabulary:
    """A word-level Markov chain over the lower-case words of the seeds.

    Capitalised words (names of people, places, organisations) and numbers break the chain
    and never enter it: generated text holds no proper name taken from the seeds.
    """

    def __init__(self, texts, seed=4):
        self.rng = random.Random(seed)
        self.successors, self.starts = {}, []
        for text in texts:
            previous = None
            for token in _TOKEN_RE.findall(text):
                word = token.replace("’", "'")
                if not (word.islower() and not any(ch.isdigit() for ch in word)):
                    previous = None
                    continue
                if previous is None:
                    self.starts.append(word)
                else:
                    self.successors.setdefault(previous, []).append(word)
                previous = word
        if len(self.successors) < 500:
            raise harness.BenchError("Vocabulaire trop pauvre : graines introuvables ?")

    @classmethod
    def from_seeds(cls, directory=SEEDS_DIR):
        paths = sorted(Path(directory).glob("*.txt"))
        if not paths:
            raise harness.BenchError(f"Aucune graine dans {directory}.")
        return cls(path.read_text(encoding="utf-8", errors="ignore") for path in paths)

    def words(self, count):
        rng, successors, starts = self.rng, self.successors, self.starts
        word, out = rng.choice(starts), []
        for _ in range(count):
            if rng.random() < 0.015:
                out.append(rng.choice(FIELD_WORDS))
            out.append(word)
            following = successors.get(word)
            word = rng.choice(following) if following else rng.choice(starts)
        return out

    def sentence(self, low, high):
        words = self.words(self.rng.randint(low, high))
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, sentences=(3, 6)):
        return " ".join(self.sentence(8, 18) for _ in range(self.rng.randint(*sentences)))

    def title(self):
        return self.sentence(4, 9).rstrip(".")


# --- data -----------------------------------------------------------------------------------


def _body(vocabulary, paragraphs):
    blocks = [{"type": "paragraph", "value": f"<p>{vocabulary.paragraph()}</p>"}]
    for _ in range(paragraphs - 1):
        blocks.append({"type": "heading", "value": {"text": vocabulary.title(), "level": "h2"}})
        blocks.append({"type": "paragraph", "value": f"<p>{vocabulary.paragraph()}</p>"})
    return blocks


def load_pages(vocabulary, size):
    """The site and ``size.pages`` live pages; returns the number of pages created."""
    import datetime

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    from cms.models import BriefPage, DossierPage, EventPage, NewsIndexPage, NewsPage

    from .cms_api import make_site, make_taxonomies, publish
    from .page_tree import bulk_add_children

    rng = random.Random(2024)
    site = make_site()
    themes, territories = make_taxonomies()
    internal = publish(site["home"], NewsIndexPage(title="Actualités de l'équipe", slug="equipe"))
    PageViewRestriction.objects.create(page=internal, restriction_type="login")
    theme_ids = [theme.pk for theme in themes]
    territory_ids = [territory.pk for territory in territories]
    today = datetime.date(2025, 6, 30)
    now = timezone.now()

    def taxonomy(count):
        return {
            "themes": [rng.sample(theme_ids, rng.randint(1, 2)) for _ in range(count)],
            "territories": [rng.sample(territory_ids, 1) for _ in range(count)],
        }

    def day():
        return today - datetime.timedelta(days=rng.randrange(3650))

    public = size.pages - size.restricted
    mix = {
        "news": public * 40 // 100,
        "briefs": public * 30 // 100,
        "events": public * 15 // 100,
    }
    mix["dossiers"] = public - sum(mix.values())
    created = 0

    def add(parent, pages):
        nonlocal created
        for start in range(0, len(pages), 2000):
            chunk = pages[start : start + 2000]
            bulk_add_children(parent, chunk, relations=taxonomy(len(chunk)))
        created += len(pages)

    def news(count, prefix):
        return [
            NewsPage(
                title=vocabulary.title(),
                slug=f"{prefix}-{n}",
                intro=vocabulary.sentence(15, 30),
                date=day(),
                body=_body(vocabulary, rng.randint(2, 3)),
            )
            for n in range(count)
        ]

    add(site["news"], news(mix["news"], "actualite"))
    add(internal, news(size.restricted, "interne"))
    add(
        site["blog"],
        [
            BriefPage(
                title=vocabulary.title(),
                slug=f"breve-{n}",
                intro=vocabulary.paragraph((2, 4)),
                date=day(),
                source_name="Presse régionale",
            )
            for n in range(mix["briefs"])
        ],
    )
    add(
        site["events"],
        [
            EventPage(
                title=vocabulary.title(),
                slug=f"rencontre-{n}",
                intro=vocabulary.sentence(15, 30),
                start=now - datetime.timedelta(days=rng.randrange(-200, 3000)),
                place="Toulouse",
                body=_body(vocabulary, rng.randint(1, 2)),
            )
            for n in range(mix["events"])
        ],
    )
    add(
        site["dossiers"],
        [
            DossierPage(
                title=vocabulary.title(),
                slug=f"dossier-{n}",
                intro=vocabulary.sentence(20, 40),
                date=day(),
                body=_body(vocabulary, rng.randint(3, 5)),
            )
            for n in range(mix["dossiers"])
        ],
    )
    return created


def load_forum(vocabulary, size):
    """200 spaces, their topics and posts (bulk inserts: no signals, no outbox rows)."""
    import datetime

    from django.utils import timezone

    from extranet.forum.models import Post, Topic
    from extranet.spaces.models import Space

    rng = random.Random(2025)
    spaces = Space.objects.bulk_create(
        [
            Space(name=f"Réseau {vocabulary.title()[:60]} n°{n}", slug=f"reseau-bench-{n}")
            for n in range(SPACES)
        ]
    )
    now = timezone.now()
    topics = [
        Topic(
            space=spaces[n % SPACES],
            title=vocabulary.title()[:200],
            created_at=now - datetime.timedelta(days=rng.randrange(1500)),
            post_count=size.posts_per_topic,
        )
        for n in range(size.topics)
    ]
    for topic in topics:
        topic.last_activity_at = topic.created_at
    Topic.objects.bulk_create(topics, batch_size=2000)
    for start in range(0, len(topics), 1000):
        posts = [
            Post(
                topic=topic,
                body=f"<p>{vocabulary.paragraph((1, 5))}</p>",
                created_at=topic.created_at + datetime.timedelta(hours=n),
            )
            for topic in topics[start : start + 1000]
            for n in range(size.posts_per_topic)
        ]
        Post.objects.bulk_create(posts, batch_size=2000)
    return spaces


def make_member(spaces):
    """A member of ``MEMBER_SPACES`` of the spaces (memberships grant through signals)."""
    from django.contrib.auth import get_user_model

    from extranet.spaces.models import Membership
    from extranet.spaces.roles import Role

    user = get_user_model().objects.create_user(
        email="membre.bench@exemple.org", password=None, first_name="Camille", last_name="Banc"
    )
    for space in spaces[:: SPACES // MEMBER_SPACES][:MEMBER_SPACES]:
        Membership.objects.create(user=user, space=space, role=Role.MEMBER)
    return user


def load(size):
    from django.db import transaction

    vocabulary = Vocabulary.from_seeds()
    with harness.step(f"{size.pages} pages (bulk load into the tree)"), transaction.atomic():
        pages = load_pages(vocabulary, size)
    if pages != size.pages:
        raise harness.BenchError(f"{pages} pages chargées, {size.pages} attendues.")
    label = f"{SPACES} spaces, {size.topics} topics, {size.posts} posts"
    with harness.step(label), transaction.atomic():
        spaces = load_forum(vocabulary, size)
        member = make_member(spaces)
    with harness.step("VACUUM ANALYZE"):
        harness.vacuum_analyze()
    return member


# --- rebuild in a child process --------------------------------------------------------------


@dataclass
class RebuildRun:
    label: str
    done: int
    elapsed: float
    samples: list  # [(done, seconds, builder label)]
    maxrss_mb: float
    documents: int

    @property
    def rate(self):
        return self.done / self.elapsed if self.elapsed else 0.0

    def tenth_rates(self, samples=None):
        """(rate over the first tenth, rate over the last tenth) of ``samples``."""
        samples = samples or self.samples
        start_done, start_time = samples[0][0], samples[0][1]
        if len(samples) < 3:
            return None, None
        end_done, end_time = samples[-1][0], samples[-1][1]
        span = end_done - start_done
        first = next(s for s in samples if s[0] - start_done >= span / 10)
        last_start = max(
            (s for s in samples if s[0] - start_done <= span * 9 / 10), key=lambda s: s[0]
        )

        def rate(a_done, a_time, b_done, b_time):
            return (b_done - a_done) / (b_time - a_time) if b_time > a_time else 0.0

        return (
            rate(start_done, start_time, first[0], first[1]),
            rate(last_start[0], last_start[1], end_done, end_time),
        )

    def source_rates(self):
        """Documents per second of each source type, over the time its chunks took."""
        spent, counted = {}, {}
        for (done_before, time_before, _), (done, seconds, source) in zip(
            self.samples, self.samples[1:], strict=False
        ):
            spent[source] = spent.get(source, 0.0) + seconds - time_before
            counted[source] = counted.get(source, 0) + done - done_before
        return {source: counted[source] / spent[source] for source in spent if spent[source]}


def rebuild_in_child(label, chunk_size, opensearch_url=None, from_documents=False):
    """Run the rebuild in a fresh interpreter (its own peak memory); returns a RebuildRun.
    ``opensearch_url``: into OpenSearch (``--reset``: a fresh index and the alias swap);
    with ``from_documents``, the engine's index alone, from the stored documents."""
    import os

    command = [sys.executable, "-m", "bench.search", "--rebuild-child", str(chunk_size)]
    env = dict(os.environ)
    if opensearch_url:
        command.append("--from-documents" if from_documents else "--reset")
        # Bulk requests of a whole chunk: more than the 5 s default on a busy machine.
        env.update(OPENSEARCH_URL=opensearch_url, SEARCH_INDEX_PREFIX="bench", SEARCH_TIMEOUT="60")
    root = Path(__file__).resolve().parents[1]
    with harness.step(f"rebuild ({label})"):
        completed = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, timeout=3600, check=False
        )
    if completed.returncode != 0:
        raise harness.BenchError(f"La reconstruction a échoué :\n{completed.stderr[-3000:]}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return RebuildRun(label=label, **result)


def rebuild_child(chunk_size, reset=False, from_documents=False):
    """In the child: rebuild, print one JSON line (Django set up from the parent's env).
    ``from_documents``: the engine's index alone, from the stored documents
    (``search_rebuild --from-documents``)."""
    import resource

    import django

    django.setup()
    from search.models import SearchDocument
    from search.sync import rebuild

    samples = [(0, 0.0, "")]

    def record(progress):
        samples.append((progress.done, progress.elapsed, progress.source))

    if from_documents:
        from search.engine_reindex import rebuild_engines

        progress, _reconciliation = rebuild_engines(chunk_size=chunk_size, on_progress=record)
    else:
        progress, _removed = rebuild(chunk_size=chunk_size, on_progress=record, reset_engine=reset)
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(
        json.dumps(
            {
                "done": progress.done,
                "elapsed": progress.elapsed,
                "samples": samples,
                "maxrss_mb": maxrss_kb / 1024,
                "documents": SearchDocument.objects.count(),
            }
        )
    )


# --- queries ---------------------------------------------------------------------------------


class Answer:
    status_code = 200

    def __init__(self, payload):
        self.payload = payload
        self.content = b""


class ServiceClient:
    """What the harness calls a client: ``get(q)`` runs the search service for ``user``,
    on the engine ``backends`` configures (``WAGTAILSEARCH_BACKENDS``; None: the database).
    The setting is assigned before each request (an attribute write, no signal): scenarios
    of both engines interleave in the same rounds."""

    database_backends = None  # the run's own setting, read once Django is set up

    def __init__(self, user, filters=None, backends=None):
        self.user, self.filters, self.backends = user, filters, backends

    def get(self, q):
        from django.conf import settings

        from search.service import search

        if ServiceClient.database_backends is None:
            ServiceClient.database_backends = settings.WAGTAILSEARCH_BACKENDS
        settings.WAGTAILSEARCH_BACKENDS = self.backends or ServiceClient.database_backends

        response = search(self.user, q, filters=self.filters)
        if response.degraded:
            raise harness.BenchError("réponse dégradée : le moteur a échoué ou expiré")
        return Answer(response)


class BaselineClient:
    """The same words as one SQL full-text query: no facets, no permissions."""

    SQL = f"""
        SELECT d.id, d.title, d.url, d.kind, d.date, d.body
        FROM {BASELINE_TABLE} b
        JOIN search_searchdocument d ON d.id = b.id,
             websearch_to_tsquery('{SEARCH_CONFIG}', %s) query
        WHERE b.vector @@ query
        ORDER BY ts_rank(b.vector, query) DESC, d.id DESC
        LIMIT 20
    """

    def get(self, q):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(self.SQL, [q])
            return Answer(cursor.fetchall())


def make_baseline_table():
    """A stored, GIN-indexed tsvector of every document (title weighted A), as one would
    write full-text search by hand."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
        cursor.execute(
            f"CREATE TABLE {BASELINE_TABLE} AS SELECT id, "
            f"setweight(to_tsvector('{SEARCH_CONFIG}', title), 'A') || "
            f"to_tsvector('{SEARCH_CONFIG}', body) AS vector FROM search_searchdocument"
        )
        cursor.execute(f"ALTER TABLE {BASELINE_TABLE} ADD PRIMARY KEY (id)")
        cursor.execute(f"CREATE INDEX {BASELINE_TABLE}_gin ON {BASELINE_TABLE} USING gin (vector)")
        cursor.execute(f"ANALYZE {BASELINE_TABLE}")


def _query(i):
    return QUERIES[i % len(QUERIES)]


def _check_results(answer):
    response = answer.payload
    if not response.results or response.total < len(response.results):
        return f"aucun résultat pour « {response.query} »"
    if not response.facets.get("kind"):
        return "pas de facettes"
    return None


def _check_api(response):
    data = response.json()
    if not data.get("results"):
        return "aucun résultat"
    return None


def _api_exists():
    from django.urls import Resolver404, resolve

    try:
        resolve("/api/search/")
    except Resolver404:
        return False
    return True


def opensearch_backends(url):
    from search.conf import search_backends_from_env

    return search_backends_from_env({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "bench"})


def engine_scenarios(member, url):
    """The three measured scenarios on OpenSearch (names suffixed « · OpenSearch »)."""
    from django.contrib.auth.models import AnonymousUser

    backends = opensearch_backends(url)
    clients = [
        ("anonyme", ServiceClient(AnonymousUser(), backends=backends)),
        ("membre 20 espaces", ServiceClient(member, backends=backends)),
        (
            "membre + filtres",
            ServiceClient(member, {"kind": ["breve", "sujet", "actualite"]}, backends),
        ),
    ]
    return [
        harness.Scenario(
            f"{name} · OpenSearch",
            _query,
            client=client,
            check=_check_results,
            description="le même scénario sur le nœud OpenSearch",
            target=THROUGHPUT_TARGET,
        )
        for name, client in clients
    ]


def node_memory(url):
    """The OpenSearch node's JVM heap and its process's resident memory (the PID from
    bin/opensearch's file when the node is local), as a printable line."""
    import json as json_module
    import urllib.request

    with urllib.request.urlopen(f"{url}/_nodes/stats/jvm", timeout=5) as answer:
        stats = json_module.load(answer)
    (node,) = stats["nodes"].values()
    heap = node["jvm"]["mem"]
    line = (
        f"tas JVM {heap['heap_used_in_bytes'] / 2**20:.0f} Mo utilisés sur "
        f"{heap['heap_max_in_bytes'] / 2**20:.0f} Mo"
    )
    # The node bin/opensearch started: its home is OPENSEARCH_NODE_HOME when it was given one
    # (a second node beside CI's), else var/opensearch.
    import os

    home = os.environ.get("OPENSEARCH_NODE_HOME")
    home = Path(home) if home else Path(__file__).resolve().parents[1] / "var" / "opensearch"
    pid_file = home / "opensearch.pid"
    try:
        pid = pid_file.read_text().strip()
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        hwm_kb = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
        line += f", RSS {rss_kb / 1024:.0f} Mo (pic {hwm_kb / 1024:.0f} Mo)"
    except (OSError, AttributeError, ValueError):
        pass
    return line


def scenarios(member):
    from urllib.parse import urlencode

    from django.contrib.auth.models import AnonymousUser

    targets = {"target": THROUGHPUT_TARGET}
    measured = [
        harness.Scenario(
            "anonyme",
            _query,
            client=ServiceClient(AnonymousUser()),
            check=_check_results,
            description="search.service.search, public seulement, facettes",
            **targets,
        ),
        harness.Scenario(
            "membre 20 espaces",
            _query,
            client=ServiceClient(member),
            check=_check_results,
            description="membre de 20 espaces sur 200, facettes",
            **targets,
        ),
        harness.Scenario(
            "membre + filtres",
            _query,
            client=ServiceClient(member, {"kind": ["breve", "sujet", "actualite"]}),
            check=_check_results,
            description="le même, filtré par nature (3 valeurs), facettes",
            **targets,
        ),
    ]
    if _api_exists():
        measured += [
            harness.Scenario(
                "API anonyme",
                lambda i: "/api/search/?" + urlencode({"q": _query(i)}),
                check=_check_api,
                description="/api/search/ (JSON), sans cible",
            ),
            harness.Scenario(
                "API membre",
                lambda i: "/api/search/?" + urlencode({"q": _query(i)}),
                client=harness.logged_in_client(member),
                check=_check_api,
                description="/api/search/ connecté·e (20 espaces), sans cible",
            ),
        ]
    return measured


def baseline():
    return harness.Scenario(
        "base SQL",
        _query,
        client=BaselineClient(),
        description="websearch_to_tsquery + ts_rank sur un tsvector indexé, 20 lignes",
    )


# --- run -------------------------------------------------------------------------------------


def _check_rebuild(report, run, rate_target=REBUILD_RATE_TARGET):
    first, last = run.tenth_rates()
    report.add_check(
        f"reconstruction ({run.label}) ≥ {rate_target:.0f} documents/s",
        run.rate >= rate_target,
        f"{run.rate:.0f} documents/s, {run.done} sources en {run.elapsed:.1f} s",
    )
    report.add_check(
        f"reconstruction ({run.label}) : dernier dixième ≥ {TAIL_RATIO_TARGET} × premier",
        first and last / first >= TAIL_RATIO_TARGET,
        f"{first:.0f} puis {last:.0f} documents/s ({last / first:.2f} ×)",
    )
    rates = ", ".join(f"{source} {rate:.0f}/s" for source, rate in run.source_rates().items())
    print(f"  reconstruction ({run.label}), débit par source : {rates}")
    report.add_check(
        f"reconstruction ({run.label}) : mémoire < {MEMORY_TARGET_MB:.0f} Mo",
        run.maxrss_mb < MEMORY_TARGET_MB,
        f"pic RSS du processus {run.maxrss_mb:.0f} Mo (getrusage ru_maxrss)",
    )


@contextmanager
def reused_database(args):
    """Django set up on the database a previous ``--keep`` run left (no drop, no load)."""
    import os
    import shutil
    import tempfile
    from urllib.parse import urlsplit, urlunsplit

    if not args.database_url.startswith("postgres"):
        raise harness.BenchError("--reuse : PostgreSQL requis (--database-url ou DATABASE_URL).")
    url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + DATABASE_NAME))
    found = harness._postgres(url, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'")
    if not found:
        raise harness.BenchError(f"--reuse : pas de base {DATABASE_NAME} (lancer avec --keep).")
    var_dir = tempfile.mkdtemp(prefix=f"{DATABASE_NAME}-")
    for sub in ("media", "private", "static"):
        os.makedirs(os.path.join(var_dir, sub))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = harness.SETTINGS_MODULE
    os.environ["BENCH_VAR_DIR"] = var_dir
    import django

    django.setup()
    print(f"Base réutilisée : {harness._printable(url)}")
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(var_dir, ignore_errors=True)


def engine_index_exists(url):
    """Whether the node holds the bench's documents index (the alias a rebuild left)."""
    import urllib.error
    import urllib.request

    name = f"{OPENSEARCH_INDEX_PREFIX}search_searchdocument"
    try:
        with urllib.request.urlopen(f"{url}/{name}/_count", timeout=5) as answer:
            return json.load(answer)["count"] > 0
    except urllib.error.HTTPError:
        return False


def run_reused(args):
    """Only the queries, on the kept database (``--reuse``): for iterating on the engine.
    With ``--engine opensearch``, the OpenSearch scenarios too, on the index the node holds
    (rebuilt first when it has none, or with ``--engine-rebuild``: new settings or mapping)."""
    from django.contrib.auth import get_user_model

    with reused_database(args):
        member = get_user_model().objects.get(email="membre.bench@exemple.org")
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s)", [BASELINE_TABLE])
            if cursor.fetchone()[0] is None:
                with harness.step("baseline table"):
                    make_baseline_table()
        measured = scenarios(member)
        if args.engine == "opensearch":
            url = args.opensearch_url
            if args.engine_rebuild or not engine_index_exists(url):
                engine_run = rebuild_in_child(
                    "OpenSearch, nouvel index puis bascule", args.chunk_size, url
                )
                print(f"  reconstruction OpenSearch : {engine_run.rate:.0f} documents/s")
            print(f"  nœud OpenSearch avant les requêtes : {node_memory(url)}")
            measured += engine_scenarios(member, url)
        report = harness.run(measured, args, baseline=baseline())
        if args.engine == "opensearch":
            print(f"  nœud OpenSearch après les requêtes : {node_memory(args.opensearch_url)}")
        for result in report.results:
            if result.target is not None:
                report.add_check(
                    f"{result.name} : p95 ≤ {P95_TARGET_MS:.0f} ms",
                    result.p95_ms <= P95_TARGET_MS,
                    f"p95 {result.p95_ms:.1f} ms, p50 {result.p50_ms:.1f} ms",
                )
        report.print()
    return report.exit_code()


def run(args):
    if args.reuse:
        return run_reused(args)
    size = QUICK_DATA if args.quick else FULL_DATA
    started = time.strftime("%Y-%m-%d %H:%M")
    with harness.bench_database(DATABASE_NAME, args) as database:
        if database.vendor != "postgresql":
            raise harness.BenchError("PostgreSQL requis (--database-url ou DATABASE_URL).")
        member = load(size)
        first = rebuild_in_child("depuis un index vide", args.chunk_size)
        if first.documents != size.documents:
            raise harness.BenchError(
                f"{first.documents} documents de recherche, {size.documents} attendus."
            )
        with harness.step("VACUUM ANALYZE, baseline table"):
            harness.vacuum_analyze()
            make_baseline_table()
        print(f"  {first.documents} documents de recherche")
        measured = scenarios(member)
        engine_run = None
        if args.engine == "opensearch":
            engine_run = rebuild_in_child(
                "OpenSearch, nouvel index puis bascule", args.chunk_size, args.opensearch_url
            )
            print(f"  nœud OpenSearch après la reconstruction : {node_memory(args.opensearch_url)}")
            measured += engine_scenarios(member, args.opensearch_url)
        report = harness.run(measured, args, baseline=baseline())
        for result in report.results:
            if result.target is not None:
                report.add_check(
                    f"{result.name} : p95 ≤ {P95_TARGET_MS:.0f} ms",
                    result.p95_ms <= P95_TARGET_MS,
                    f"p95 {result.p95_ms:.1f} ms, p50 {result.p50_ms:.1f} ms",
                )
        second = rebuild_in_child("index existant", args.chunk_size)
        _check_rebuild(report, first)
        _check_rebuild(report, second)
        if engine_run is not None:
            print(f"  nœud OpenSearch après les requêtes : {node_memory(args.opensearch_url)}")
            engine_only = rebuild_in_child(
                "OpenSearch, depuis les documents",
                args.chunk_size,
                args.opensearch_url,
                from_documents=True,
            )
            print(f"  nœud OpenSearch après la reconstruction : {node_memory(args.opensearch_url)}")
            _check_rebuild(report, engine_run)
            _check_rebuild(report, engine_only, ENGINE_REBUILD_RATE_TARGET)
        print(f"\nDébut : {started} ; {size.documents} documents, {SPACES} espaces.")
        report.print()
    return report.exit_code()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--rebuild-child"]:
        rebuild_child(
            int(argv[1]), reset="--reset" in argv[2:], from_documents="--from-documents" in argv[2:]
        )
        return 0
    parser = harness.argument_parser(__doc__)
    parser.add_argument(
        "--chunk-size", type=int, default=500, help="sources per rebuild chunk (default 500)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help=f"run only the queries on the database {DATABASE_NAME} a --keep run left "
        "(migrations applied by hand if the search app changed)",
    )
    parser.add_argument(
        "--engine",
        choices=["postgres", "opensearch"],
        default="postgres",
        help="opensearch: also rebuild into and query an OpenSearch node, side by side",
    )
    parser.add_argument(
        "--engine-rebuild",
        action="store_true",
        help="with --reuse --engine opensearch: rebuild the node's index before the queries",
    )
    parser.add_argument(
        "--opensearch-url",
        default="http://127.0.0.1:9200",
        help="the node for --engine opensearch (bin/opensearch start)",
    )
    args = parser.parse_args(argv)
    return harness.main(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())
