"""Running one search request on the configured engine, with permissions applied first.

Every engine receives a ``SearchRequest`` whose audience tokens are mandatory: the request
cannot even be built without them, and each engine applies them before anything else, with
the time rule at the request's ``now`` (``SearchDocument.objects.for_audience`` for the
database; for Elasticsearch, ``audience_filter`` and ``time_filters`` inside the query, so
that hits, counts and aggregations all obey them).

- ``DatabaseEngine``: modelsearch's PostgreSQL or SQLite FTS query compiler for the match and
  its score; one statement per search whatever the filters gives the page's ids, the total and
  every facet (``search_sql``: the match and the ranking run once), a second reads the page's
  documents by key. On PostgreSQL both run under ``SET LOCAL statement_timeout``
  (``statement_time_limit``): a pathological query is cancelled after a second and the
  service answers from the fallback instead.
- ``ElasticsearchEngine``: one request with the match (compiled by modelsearch's query
  compiler, so field names and boosts follow the mapping), our filters and aggregations.
- ``FallbackEngine``: ``icontains`` on the document rows; used when the engine is down
  (results are then flagged ``degraded``).

The overrides of modelsearch's compilers (ranking, plain-text compilation) are in
``search.backends.modelsearch_adapter``.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.query import And, Or, PlainText

from search.backends.database import search_config_for
from search.backends.modelsearch_adapter import (
    compile_plaintext,
    entry_compiler,
    is_backend,
    postgres_single_rank_compiler,
    sqlite_weighted_compiler,
)
from search.models import (
    DocumentEntry,
    FacetValue,
    Kind,
    SearchDocument,
    is_restricted_audience,
)

FACETS = ("kind", "theme", "territory", "space", "year")
FACET_SIZE = 50
LABELLED_FACETS = {"theme": FacetValue.Facet.THEME, "territory": FacetValue.Facet.TERRITORY}
RELEVANCE, DATE = "relevance", "date"
#: How the clauses of a plan combine: every word (the search itself), or any of them (the
#: approximate results of ``search.service`` when every word finds nothing).
ALL_WORDS, ANY_WORD = "all", "any"
#: Longest a search statement may run on PostgreSQL (``SEARCH_STATEMENT_TIMEOUT_MS``).
DEFAULT_STATEMENT_TIMEOUT_MS = 1000


@dataclass(frozen=True)
class Filters:
    kind: tuple = ()
    theme: tuple = ()
    territory: tuple = ()
    space: tuple = ()
    year: tuple = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def without(self, facet):
        """The same filters minus one facet's: facet counts show the other choices too."""
        return Filters(**{**self.__dict__, facet: ()})

    def selected(self, facet):
        return tuple(getattr(self, facet))

    def without_facets(self):
        """The date range only: the base the facets count on (see ``search_sql``)."""
        return Filters(date_from=self.date_from, date_to=self.date_to)


@dataclass(frozen=True)
class SearchRequest:
    audience: frozenset
    plan: object  # search.analysis.queries.QueryPlan
    filters: Filters = field(default_factory=Filters)
    sort: str = RELEVANCE
    offset: int = 0
    limit: int = 20
    with_facets: bool = True
    #: ``ALL_WORDS`` or ``ANY_WORD`` (approximate results, best partial matches first).
    match: str = ALL_WORDS
    #: The time the time rule is checked at (``search.models.readable_now``).
    now: datetime.datetime = field(default_factory=lambda: timezone.now())

    def __post_init__(self):
        # Fail closed: a request without audience tokens would search everything.
        if not self.audience or not all(isinstance(t, str) and t for t in self.audience):
            raise ValueError("A search request needs the caller's audience tokens.")


@dataclass
class EngineResult:
    documents: list
    total: int
    facets: dict  # {facet: [(value, label, count)]}


class EngineUnavailable(Exception):
    """The engine could not answer (connection refused, timeout, cluster error)."""


class EngineRejected(Exception):
    """The engine refused the request itself (an HTTP 400: too many clauses, a query it
    cannot parse). Retrying elsewhere would not help: the caller is told to simplify."""


#: Longest an engine search or suggestion may take, in seconds (``SEARCH_ENGINE_TIMEOUT``).
DEFAULT_ENGINE_TIMEOUT = 1.0


def engine_timeout():
    return float(getattr(settings, "SEARCH_ENGINE_TIMEOUT", DEFAULT_ENGINE_TIMEOUT))


def engine_error(error):
    """The exception of ours that an engine client's ``error`` means: a request the engine
    rejects (HTTP 400) is ``EngineRejected``; anything else (refused connection, timeout, a
    5xx, a red cluster) is ``EngineUnavailable``."""
    status = getattr(error, "status_code", None)
    if status is None:
        status = getattr(getattr(error, "meta", None), "status", None)
    if status == 400:
        return EngineRejected(str(error))
    return EngineUnavailable(str(error))


def plan_to_query(plan, analysed, match=ALL_WORDS):
    """The plan as modelsearch query objects. ``analysed``: database backends match our
    terms; engines that analyse French themselves get the readable texts. ``ANY_WORD``: an OR
    of the clauses, whose ranking puts the documents with the most words first."""
    clauses = []
    for clause in plan.clauses:
        alternatives = [
            PlainText(" ".join(alt.terms) if analysed else alt.text, operator="and")
            for alt in clause.alternatives
        ]
        clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if len(clauses) == 1:
        return clauses[0]
    return Or(clauses) if match == ANY_WORD else And(clauses)


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filter_queryset(queryset, filters):
    """The ORM form of the filters (database engine and fallback)."""
    if filters.kind:
        queryset = queryset.filter(kind__in=filters.kind)
    if filters.year:
        queryset = queryset.filter(year__in=filters.year)
    if filters.space:
        queryset = queryset.filter(space_id__in=filters.space)
    for facet, facet_value in LABELLED_FACETS.items():
        slugs = filters.selected(facet)
        if slugs:
            tagged = FacetValue.objects.filter(facet=facet_value, slug__in=slugs)
            queryset = queryset.filter(pk__in=tagged.values("document_id"))
    if filters.date_from:
        queryset = queryset.filter(date__gte=_day_start(filters.date_from))
    if filters.date_to:
        queryset = queryset.filter(date__lt=_day_start(filters.date_to + datetime.timedelta(1)))
    return queryset


def _flag(condition):
    """1 when ``condition`` holds for the row, else 0 (portable: no boolean columns)."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def facet_flags(filters):
    """One condition per selected facet filter, as ``{facet: condition}``."""
    flags = {}
    for facet, lookup in (("kind", "kind__in"), ("year", "year__in"), ("space", "space_id__in")):
        if filters.selected(facet):
            flags[facet] = Q(**{lookup: filters.selected(facet)})
    for facet, facet_value in LABELLED_FACETS.items():
        slugs = filters.selected(facet)
        if slugs:
            tagged = FacetValue.objects.filter(
                document_id=OuterRef("pk"), facet=facet_value, slug__in=slugs
            )
            flags[facet] = Q(Exists(tagged))
    return flags


#: Columns of the matched set the statement reads, then one ``f_<facet>`` flag per filter.
MATCHED_COLUMNS = ("id", "kind", "year", "space_id", "space_name", "date")
SCORE = "search_score"


@dataclass(frozen=True)
class PageOrder:
    """How the page is sorted, as SQL over the matched set's columns."""

    scored: bool  # the matched set carries the relevance score
    by_score: bool  # relevance order (else newest first)
    score_direction: str = "DESC"  # SQLite's bm25: lower is better, "ASC"

    def sql(self, alias):
        if self.by_score:
            return f"{alias}.score {self.score_direction}, {alias}.id DESC"
        return f"{alias}.date DESC NULLS LAST, {alias}.id DESC"


def flagged_values(queryset, filters, *extra):
    """``queryset`` as the matched set's columns (``MATCHED_COLUMNS``, then ``extra``, then
    one 0/1 flag per selected facet filter): ``(sql, params, flag names by facet)``."""
    flags = facet_flags(filters)
    names = {facet: f"f_{facet}" for facet in flags}
    queryset = queryset.order_by().annotate(
        **{names[facet]: _flag(condition) for facet, condition in flags.items()}
    )
    queryset = queryset.values("pk", *MATCHED_COLUMNS[1:], *extra, *names.values())
    sql, params = queryset.query.sql_with_params()
    return sql, params, names


#: The document columns of the theme and territory slugs (``facet_slugs``, PostgreSQL).
SLUG_COLUMNS = ("themes", "territories")


def matched_sql(base, filters, scored, facet_slugs=False):
    """The matched set of ``base`` (audience, dates and the match, with its score as
    ``SCORE`` when ``scored``, the slug arrays ``SLUG_COLUMNS`` when ``facet_slugs``) in the
    columns ``search_sql`` reads."""
    extra = [*([SCORE] if scored else []), *(SLUG_COLUMNS if facet_slugs else ())]
    return flagged_values(base, filters, *extra)


def _labelled_counts_from_slugs(where):
    """Themes and territories counted from the matched rows' slug arrays (PostgreSQL): no
    join with the facet values, whose table is only read for the label of each slug
    counted (one index probe per value shown). A slug filed under several names (renamed
    since some documents were indexed) shows one of them.

    The rows are first grouped by their whole array (few distinct combinations), each
    combination's arrays then expanded once: a third of the time of expanding every row's."""
    facet_values = FacetValue._meta.db_table
    counts = " UNION ALL ".join(
        f"SELECT '{facet_value}' AS facet, s.slug, SUM(g.n) AS n "
        f"FROM (SELECT m.{column} AS slugs, COUNT(*) AS n FROM m{where(facet)} "
        f"GROUP BY m.{column}) AS g "
        "CROSS JOIN LATERAL jsonb_array_elements_text(g.slugs) AS s (slug) GROUP BY s.slug"
        for (facet, facet_value), column in zip(LABELLED_FACETS.items(), SLUG_COLUMNS, strict=True)
    )
    return (
        "SELECT c.facet, c.slug, (SELECT fv.name FROM "
        f"{facet_values} fv WHERE fv.facet = c.facet AND fv.slug = c.slug LIMIT 1), c.n "
        f"FROM ({counts}) AS c"
    )


#: The grouping set of each facet over the matched rows (``_grouped_facet_counts``).
GROUPED_FACETS = {
    "kind": ("m.kind",),
    "year": ("m.year",),
    "space": ("m.space_id", "m.space_name"),
    "theme": ("m.themes",),
    "territory": ("m.territories",),
}


def _grouped_facet_counts(names):
    """Every facet counted in one pass over the matched rows (PostgreSQL, on the index
    entries, whose theme and territory slugs are space-separated text): ``GROUPING SETS``
    hashes each row once into every facet's table, where five ``GROUP BY`` read the rows five
    times (half the time on « formation », 16,000 rows).

    Each facet counts the rows that pass every selected filter but its own: that condition is
    part of the facet's grouping set, and only its true groups are kept. Returns the
    statement's extra common table expression and its ``UNION ALL`` branches."""
    facet_values = FacetValue._meta.db_table
    separator = DocumentEntry.SLUG_SEPARATOR

    def passes_others(facet):
        conditions = [f"m.{name} = 1" for other, name in names.items() if other != facet]
        return f"({' AND '.join(conditions)})" if conditions else "TRUE"

    def grouping_set(facet, columns):
        condition = passes_others(facet)  # a constant cannot be grouped on: left out
        return f"({', '.join((*columns, *([condition] if condition != 'TRUE' else [])))})"

    sets = ", ".join(grouping_set(facet, columns) for facet, columns in GROUPED_FACETS.items())
    columns = ", ".join(
        f"GROUPING({columns[0]}) AS g_{facet}, {passes_others(facet)} AS ok_{facet}"
        for facet, columns in GROUPED_FACETS.items()
    )
    grouped = (
        f"g AS (SELECT {columns}, m.kind, m.year, m.space_id, m.space_name, m.themes, "
        f"m.territories, COUNT(*) AS n FROM m GROUP BY GROUPING SETS ({sets}))"
    )

    def rows_of(facet, *extra):
        return f"g.g_{facet} = 0 AND g.ok_{facet}" + "".join(f" AND {e}" for e in extra)

    branches = [
        f"SELECT 'kind', g.kind, NULL, g.n FROM g WHERE {rows_of('kind')}",
        f"SELECT 'year', CAST(g.year AS TEXT), NULL, g.n FROM g "
        f"WHERE {rows_of('year', 'g.year IS NOT NULL')}",
        f"SELECT 'space', CAST(g.space_id AS TEXT), g.space_name, g.n FROM g "
        f"WHERE {rows_of('space', 'g.space_id IS NOT NULL')}",
    ]
    counts = " UNION ALL ".join(
        # SUM of a bigint is a numeric on PostgreSQL, and in a UNION ALL every branch takes
        # the wider type: without the cast, the total and every count came out as 17.0.
        f"SELECT '{facet_value}' AS facet, s.slug, CAST(SUM(g.n) AS BIGINT) AS n FROM g "
        f"CROSS JOIN LATERAL unnest(string_to_array(g.{column}, '{separator}')) AS s (slug) "
        f"WHERE {rows_of(facet)} AND s.slug <> '' GROUP BY s.slug"
        for (facet, facet_value), column in zip(LABELLED_FACETS.items(), SLUG_COLUMNS, strict=True)
    )
    branches.append(
        "SELECT c.facet, c.slug, (SELECT fv.name FROM "
        f"{facet_values} fv WHERE fv.facet = c.facet AND fv.slug = c.slug LIMIT 1), c.n "
        f"FROM ({counts}) AS c"
    )
    return grouped, branches


def search_sql(
    matched,
    filters,
    order,
    offset,
    limit,
    with_facets=True,
    facet_slugs=False,
    grouped_facets=False,
):
    """The page's ids, the total and every facet count in one statement: ``(sql, params)``.

    ``matched`` is ``(sql, params, flag names)`` of the matched set *without* the facet
    filters (``matched_sql``): a common table expression, so the match and the ranking are
    evaluated once. Each selected facet filter is a 0/1 column: each facet counts the rows
    that pass every filter but its own (the other values of a facet stay visible), the total
    and the page take the rows that pass them all.
    Rows: ``(facet, value, label, count)``; ``facet`` is ``"total"`` for the total, ``"page"``
    for the ids of the page (``count`` being the position).
    """
    inner_sql, params, names = matched
    columns = ", ".join(
        (
            *MATCHED_COLUMNS,
            *(["score"] if order.scored else []),
            *(SLUG_COLUMNS if facet_slugs else ()),
            *names.values(),
        )
    )

    def where(skip=None, *extra):
        conditions = [*extra, *(f"m.{name} = 1" for f, name in names.items() if f != skip)]
        return f" WHERE {' AND '.join(conditions)}" if conditions else ""

    page_columns = "m.id, m.date" + (", m.score" if order.scored else "")
    branches = [
        f"SELECT 'total', NULL, NULL, COUNT(*) FROM m{where()}",
        # Positions numbered on the page's own rows: the order survives UNION ALL.
        f"SELECT 'page', CAST(p.id AS TEXT), NULL, ROW_NUMBER() OVER (ORDER BY {order.sql('p')})"
        f" FROM (SELECT {page_columns} FROM m{where()} ORDER BY {order.sql('m')}"
        f" LIMIT {int(limit)} OFFSET {int(offset)}) AS p",
    ]
    if with_facets and grouped_facets:
        grouped, facet_branches = _grouped_facet_counts(names)
        sql = f"WITH m ({columns}) AS ({inner_sql}), {grouped} " + " UNION ALL ".join(
            branches + facet_branches
        )
        return sql, params
    if with_facets:
        facet_values = FacetValue._meta.db_table
        branches += [
            f"SELECT 'kind', m.kind, NULL, COUNT(*) FROM m{where('kind')} GROUP BY m.kind",
            "SELECT 'year', CAST(m.year AS TEXT), NULL, COUNT(*) FROM m"
            f"{where('year', 'm.year IS NOT NULL')} GROUP BY m.year",
            "SELECT 'space', CAST(m.space_id AS TEXT), m.space_name, COUNT(*) FROM m"
            f"{where('space', 'm.space_id IS NOT NULL')} GROUP BY m.space_id, m.space_name",
        ]
        if facet_slugs:
            branches.append(_labelled_counts_from_slugs(where))
            return f"WITH m ({columns}) AS ({inner_sql}) " + " UNION ALL ".join(branches), params
        # Themes and territories in one pass over the facet values (one join, not two);
        # ``facet_value`` is one of our constants, never user input.
        per_facet = []
        for facet, facet_value in LABELLED_FACETS.items():
            others = where(facet, f"fv.facet = '{facet_value}'").removeprefix(" WHERE ")
            per_facet.append(f"({others})")
        branches.append(
            "SELECT fv.facet, fv.slug, fv.name, COUNT(*) FROM m "
            f"JOIN {facet_values} fv ON fv.document_id = m.id "
            f"WHERE {' OR '.join(per_facet)} GROUP BY fv.facet, fv.slug, fv.name"
        )
    sql = f"WITH m ({columns}) AS ({inner_sql}) " + " UNION ALL ".join(branches)
    return sql, params


def _facet_key(facet, value):
    return int(value) if facet in ("year", "space") else value


def read_rows(rows):
    """``(page ids, total, {facet: [(value, label, count)]})`` from the rows of
    ``search_sql``, each facet in the order people read it, at most ``FACET_SIZE`` values."""
    total, page, counts = 0, [], {facet: [] for facet in FACETS}
    kind_labels = dict(Kind.choices)
    labelled = {str(facet_value): facet for facet, facet_value in LABELLED_FACETS.items()}
    for facet, value, label, count in rows:
        facet = labelled.get(facet, facet)
        if facet == "total":
            total = count
        elif facet == "page":
            page.append((count, int(value)))
        elif facet == "kind":
            counts[facet].append((value, kind_labels.get(value, value), count))
        elif facet == "year":
            counts[facet].append((int(value), str(int(value)), count))
        else:
            counts[facet].append((_facet_key(facet, value), label, count))
    counts["kind"].sort(key=lambda row: (-row[2], row[0]))
    counts["year"].sort(key=lambda row: -row[0])
    for facet in ("space", "theme", "territory"):
        counts[facet].sort(key=lambda row: (-row[2], row[1]))
    ids = [pk for _position, pk in sorted(page)]
    return ids, total, {facet: values[:FACET_SIZE] for facet, values in counts.items()}


def statement_timeout_ms():
    return getattr(settings, "SEARCH_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS)


@contextmanager
def statement_time_limit(milliseconds, using=None, planner=None):
    """Run the block in a transaction whose statements PostgreSQL cancels after
    ``milliseconds`` (``SET LOCAL statement_timeout``): the cancelled statement raises an
    ``OperationalError`` (a ``DatabaseError``), which the service turns into the fallback.
    ``planner``: other settings for the same transaction (``{"work_mem": "32MB"}``).

    They all end with the transaction. Inside an outer transaction (``ATOMIC_REQUESTS``,
    tests) the block is a savepoint, after which a ``SET LOCAL`` would outlive the search:
    the previous values are put back. Other databases: no limit (SQLite has no such setting).
    """
    using = using or router.db_for_read(SearchDocument)
    connection = connections[using]
    if connection.vendor != "postgresql" or not milliseconds:
        yield
        return
    values = {"statement_timeout": f"{int(milliseconds)}ms", **(planner or {})}
    names = list(values)
    nested = connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            # Read the values in force, then set ours (the select list is evaluated in order).
            current = ", ".join("current_setting(%s)" for _ in names)
            new = ", ".join("set_config(%s, %s, true)" for _ in names)
            cursor.execute(
                f"SELECT {current}, {new}",
                [*names, *(part for name in names for part in (name, values[name]))],
            )
            previous = cursor.fetchone()[: len(names)]
        yield
        if nested:
            with connection.cursor() as cursor:
                restore = ", ".join("set_config(%s, %s, true)" for _ in names)
                cursor.execute(
                    f"SELECT {restore}",
                    [part for pair in zip(names, previous, strict=True) for part in pair],
                )


class DatabaseEngine:
    name = "database"

    def __init__(self, backend):
        self.backend = backend

    def _narrowed(self, request, filters):
        queryset = SearchDocument.objects.for_audience(request.audience, request.now)
        return filter_queryset(queryset, filters)

    @property
    def search_config(self):
        """The text search configuration of our documents (PostgreSQL: ``portal_simple``,
        the one both writers index them with; SQLite ignores it)."""
        return search_config_for(self.backend, SearchDocument)

    def _compiler_class(self):
        if is_backend(self.backend, "SQLiteSearchBackend"):
            return sqlite_weighted_compiler(self.backend.query_compiler_class)
        if is_backend(self.backend, "PostgresSearchBackend"):
            return postgres_single_rank_compiler(self.backend.query_compiler_class)
        return self.backend.query_compiler_class

    def _compiler(self, queryset, request):
        return self._compiler_class()(
            queryset,
            plan_to_query(request.plan, analysed=True, match=request.match),
            order_by_relevance=True,
        )

    def _matched(self, queryset, request):
        """The matched set, most relevant first."""
        if request.plan.is_empty:
            return queryset
        compiler = self._compiler(queryset, request)
        return compiler.search(self.search_config, None, None)

    def _scored(self, queryset, request):
        """The matched set with its relevance (``SCORE``) when the query has words."""
        if request.plan.is_empty:
            return queryset
        compiler = self._compiler(queryset, request)
        return compiler.search(self.search_config, None, None, score_field=SCORE)

    def _page_order(self, request):
        scored = not request.plan.is_empty
        # modelsearch's SQLite ranking is bm25(), where lower is better.
        sqlite = is_backend(self.backend, "SQLiteSearchBackend")
        return PageOrder(
            scored=scored,
            by_score=scored and request.sort != DATE,
            score_direction="ASC" if sqlite else "DESC",
        )

    def statement_timeout_ms(self):
        return statement_timeout_ms()

    #: Planner settings of the search transaction (PostgreSQL; see ``PostgresEngine``).
    planner = None
    #: Count themes and territories from the documents' slug arrays (``SLUG_COLUMNS``)
    #: rather than by joining the facet values (PostgreSQL, see ``search_sql``).
    facet_slugs = False

    def _matched_set(self, request):
        """``matched_sql`` of the request: audience, dates and the match, no facet filter."""
        base = self._scored(self._narrowed(request, request.filters.without_facets()), request)
        return matched_sql(
            base, request.filters, self._page_order(request).scored, self.facet_slugs
        )

    def _grouped_facets(self, request):
        """Whether the facets are counted in one pass (``_grouped_facet_counts``)."""
        return False

    def search(self, request):
        """One statement for the page's ids, the total and the facets (the match and the
        ranking run once), then one to read the page's documents by key."""
        with statement_time_limit(self.statement_timeout_ms(), planner=self.planner):
            sql, params = search_sql(
                self._matched_set(request),
                request.filters,
                self._page_order(request),
                request.offset,
                request.limit,
                request.with_facets,
                self.facet_slugs,
                self._grouped_facets(request),
            )
            with connections[router.db_for_read(SearchDocument)].cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            ids, total, facets = read_rows(rows)
            by_pk = SearchDocument.objects.in_bulk(ids) if ids else {}
        page = [by_pk[pk] for pk in ids if pk in by_pk]
        return EngineResult(page, total, facets if request.with_facets else {})

    def suggest(self, audience, prefix, limit):
        queryset = SearchDocument.objects.for_audience(audience)
        with statement_time_limit(self.statement_timeout_ms()):
            return list(self.backend.autocomplete(prefix, queryset, operator="and")[:limit])


class PostgresEngine(DatabaseEngine):
    """The database engine on PostgreSQL: the same statement over the documents' own index
    table (``DocumentEntry``: audience, facet columns and vectors in one narrow row, found by
    a GIN index, no join), with planner settings for its transaction (measured with
    ``bench/search.py``, see docs/benchmarks.md). A search without words lists documents by
    date and reads the documents' covering index instead (no vector needed)."""

    planner = {
        # The sorts and hashes of a broad query (the default 4 MB made its join spill to disk).
        "work_mem": "32MB",
        # Random reads as cheap as they are on cached or SSD storage (the default, 4, prices
        # a spinning disk): the bitmap of a broad match is read through the GIN index rather
        # than by scanning the table and evaluating ``title || body @@ query`` on every row,
        # a per-row cost the planner does not see.
        "random_page_cost": "1.1",
    }
    facet_slugs = True

    def _narrowed(self, request, filters):
        if request.plan.is_empty:
            return super()._narrowed(request, filters)
        entries = DocumentEntry.objects.for_audience(request.audience, request.now)
        return filter_queryset(entries, filters)

    def _compiler_class(self):
        return entry_compiler(super()._compiler_class())

    def _grouped_facets(self, request):
        return not request.plan.is_empty  # the entries' slugs are text (DocumentEntry)

    def suggest(self, audience, prefix, limit):
        compiler_class = entry_compiler(self.backend.autocomplete_query_compiler_class)
        compiler = compiler_class(
            DocumentEntry.objects.for_audience(audience), prefix, operator="and"
        )
        with statement_time_limit(self.statement_timeout_ms()):
            found = compiler.search(compiler.get_config(self.backend), 0, limit)
            pks = list(found.values_list("pk", flat=True))
            by_pk = SearchDocument.objects.for_audience(audience).in_bulk(pks)
        return [by_pk[pk] for pk in pks if pk in by_pk]


class FallbackEngine(DatabaseEngine):
    """Substring matching on the rows themselves: slow and crude, but needs no index."""

    name = "fallback"

    def __init__(self, backend=None):
        super().__init__(backend)

    def _scored(self, queryset, request):
        return self._matched(queryset, request).order_by()

    def _page_order(self, request):
        return PageOrder(scored=False, by_score=False)

    def _matched(self, queryset, request):
        any_word = Q()
        for clause in request.plan.clauses:
            condition = Q()
            for alternative in clause.alternatives:
                condition |= Q(title__icontains=alternative.text) | Q(
                    body__icontains=alternative.text
                )
            if request.match == ANY_WORD:
                any_word |= condition
            else:
                queryset = queryset.filter(condition)
        if request.match == ANY_WORD:
            queryset = queryset.filter(any_word)
        return queryset.order_by(F("date").desc(nulls_last=True), "-pk")

    def statement_timeout_ms(self):
        # Its own budget: it runs after the engine failed, possibly by timing out.
        return getattr(settings, "SEARCH_FALLBACK_STATEMENT_TIMEOUT_MS", statement_timeout_ms())

    def suggest(self, audience, prefix, limit):
        queryset = SearchDocument.objects.for_audience(audience).filter(title__icontains=prefix)
        with statement_time_limit(self.statement_timeout_ms()):
            return list(queryset.order_by(F("date").desc(nulls_last=True), "-pk")[:limit])


def fuzzy(query):
    """``query`` (a ``multi_match`` or ``match`` compiled by modelsearch) tolerating typos:
    ``fuzziness: AUTO`` on each of its ``multi_match`` or ``match`` clauses."""
    if isinstance(query, dict):
        for key, value in query.items():
            if key == "multi_match" and isinstance(value, dict):
                value.setdefault("fuzziness", "AUTO")
                if value.get("type") in ("cross_fields", "phrase", "phrase_prefix"):
                    value["type"] = "best_fields"  # fuzziness is refused for these types
            elif key == "match" and isinstance(value, dict):
                for options in value.values():
                    if isinstance(options, dict):
                        options.setdefault("fuzziness", "AUTO")
            else:
                fuzzy(value)
    elif isinstance(query, list):
        for item in query:
            fuzzy(item)
    return query


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, backend):
        self.backend = backend
        self.mapping = backend.mapping_class(SearchDocument)
        filter_fields = {f.field_name: f for f in SearchDocument.get_filterable_search_fields()}
        self.columns = {
            name: self.mapping.get_field_column_name(filter_fields[attribute])
            for name, attribute in {
                "audience": "audience",
                "kind": "kind",
                "theme": "theme_slugs",
                "territory": "territory_slugs",
                "space": "space_id",
                "year": "year",
                "date": "date",
                "visible_from": "visible_from",
                "visible_until": "visible_until",
            }.items()
        }

    @property
    def index_name(self):
        return self.backend.get_index_for_model(SearchDocument).name

    def audience_filter(self, audience):
        """``search.models.audience_condition``: the tokens, and a prefix per restricted token."""
        column = self.columns["audience"]
        terms = {"terms": {column: sorted(t for t in audience if not is_restricted_audience(t))}}
        prefixes = [{"prefix": {column: t}} for t in sorted(audience) if is_restricted_audience(t)]
        if not prefixes:
            return terms
        return {"bool": {"should": [terms, *prefixes], "minimum_should_match": 1}}

    def time_filters(self, now):
        """``search.models.readable_now`` for the engine: no go-live date or one passed, no
        expiry date or one still ahead (hits, total and aggregations all obey it)."""
        now = now.isoformat()

        def missing_or(column, bound):
            return {
                "bool": {
                    "should": [
                        {"bool": {"must_not": {"exists": {"field": self.columns[column]}}}},
                        {"range": {self.columns[column]: bound}},
                    ],
                    "minimum_should_match": 1,
                }
            }

        return [missing_or("visible_from", {"lte": now}), missing_or("visible_until", {"gt": now})]

    def _facet_filter(self, facet, values):
        return {"terms": {self.columns[facet]: list(values)}}

    def _facet_filters(self, filters, skip=None):
        return [
            self._facet_filter(facet, filters.selected(facet))
            for facet in FACETS
            if facet != skip and filters.selected(facet)
        ]

    def inner_query(self, plan, match=ALL_WORDS):
        """``ANY_WORD`` (approximate results): any clause, each word matched with the
        engine's fuzziness (``AUTO``: one edit from 3 letters, two from 6), so a misspelt word
        still finds its document; the score puts the documents with the most words first."""
        if plan.is_empty:
            return {"match_all": {}}
        # One multi_match per alternative over the mapping's fields and boosts (compiled by
        # modelsearch), an OR of alternatives per clause, an AND of clauses.
        compiler = self.backend.query_compiler_class(
            SearchDocument.objects.none(), plan_to_query(plan, analysed=False)
        )
        clauses = []
        for clause in plan.clauses:
            alternatives = [compile_plaintext(compiler, alt.text) for alt in clause.alternatives]
            if match == ANY_WORD:
                alternatives = [fuzzy(alternative) for alternative in alternatives]
            if len(alternatives) == 1:
                clauses.append(alternatives[0])
            else:
                clauses.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
        if len(clauses) == 1:
            return clauses[0]
        if match == ANY_WORD:
            return {"bool": {"should": clauses, "minimum_should_match": 1}}
        return {"bool": {"must": clauses}}

    def body(self, request):
        """The whole request body. Pure: built and inspected without a cluster in the tests.

        The audience filter sits in ``query.bool.filter``, which scopes hits, the total and
        every aggregation; facet filters go to ``post_filter`` and into the other facets'
        aggregations, so that each facet also counts the values not selected yet.
        """
        # The same content type filter modelsearch's compiler adds (one index may hold
        # several models), then the audience.
        content_type = {"match": {"_django_content_type": self.mapping.get_content_type()}}
        query_filters = [
            content_type,
            self.audience_filter(request.audience),
            *self.time_filters(request.now),
        ]
        date_range = {}
        if request.filters.date_from:
            date_range["gte"] = _day_start(request.filters.date_from).isoformat()
        if request.filters.date_to:
            end = _day_start(request.filters.date_to + datetime.timedelta(1))
            date_range["lt"] = end.isoformat()
        if date_range:
            query_filters.append({"range": {self.columns["date"]: date_range}})
        body = {
            "query": {
                "bool": {
                    "must": self.inner_query(request.plan, request.match),
                    "filter": query_filters,
                }
            },
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": ["pk"],
        }
        facet_filters = self._facet_filters(request.filters)
        if facet_filters:
            body["post_filter"] = {"bool": {"filter": facet_filters}}
        date_sort = {self.columns["date"]: {"order": "desc", "missing": "_last"}}
        if request.sort == DATE or request.plan.is_empty:
            body["sort"] = [date_sort, {"pk": "desc"}]
        else:
            body["sort"] = ["_score", date_sort]
        if request.with_facets:
            body["aggs"] = {
                facet: {
                    "filter": {"bool": {"filter": self._facet_filters(request.filters, facet)}},
                    "aggs": {
                        "values": {"terms": {"field": self.columns[facet], "size": FACET_SIZE}}
                    },
                }
                for facet in FACETS
            }
        return body

    def _search(self, body):
        """One search request, bounded by ``SEARCH_ENGINE_TIMEOUT`` whatever the client: the
        Elasticsearch 8/9 clients take it through ``options()``, opensearch-py as a
        ``request_timeout`` argument (it has no ``options``); a slow cluster must not hold a
        web worker for the backend's own ``TIMEOUT`` (several seconds, meant for indexing)."""
        client, timeout = self.backend.es, engine_timeout()
        try:
            if self.backend.use_new_elasticsearch_api:
                return client.options(request_timeout=timeout).search(index=self.index_name, **body)
            return client.search(index=self.index_name, body=body, request_timeout=timeout)
        except Exception as error:  # transport, timeout, cluster errors of either client
            raise engine_error(error) from error

    def search(self, request):
        response = self._search(self.body(request))
        pks = [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]]
        by_pk = {str(doc.pk): doc for doc in SearchDocument.objects.filter(pk__in=pks)}
        documents = [by_pk[str(pk)] for pk in pks if str(pk) in by_pk]
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else total
        facets = self._facets_from(response.get("aggregations", {}))
        return EngineResult(documents, total, facets)

    def _facets_from(self, aggregations):
        counts = {
            facet: [
                (bucket["key"], bucket["doc_count"])
                for bucket in aggregations[facet]["values"]["buckets"]
            ]
            for facet in FACETS
            if facet in aggregations
        }
        labels = self._labels(counts)
        return {
            facet: [(key, labels[facet].get(key, str(key)), count) for key, count in buckets]
            for facet, buckets in counts.items()
        }

    def _labels(self, counts):
        labels = {facet: {} for facet in FACETS}
        labels["kind"] = dict(Kind.choices)
        labels["year"] = {key: str(key) for key, _ in counts.get("year", [])}
        # The names of every labelled facet's values in one query (one per facet before).
        wanted, facet_of = Q(), {}
        for facet, facet_value in LABELLED_FACETS.items():
            facet_of[facet_value] = facet
            slugs = [key for key, _ in counts.get(facet, [])]
            if slugs:
                wanted |= Q(facet=facet_value, slug__in=slugs)
        if wanted:
            rows = FacetValue.objects.filter(wanted).order_by()
            for facet_value, slug, name in rows.values_list("facet", "slug", "name").distinct():
                labels[facet_of[facet_value]][slug] = name
        space_ids = [key for key, _ in counts.get("space", [])]
        if space_ids:
            rows = SearchDocument.objects.filter(space_id__in=space_ids).order_by()
            labels["space"] = dict(rows.values_list("space_id", "space_name").distinct())
        return labels

    def suggest_query(self, audience, prefix, now=None):
        """The autocomplete request: modelsearch's compiler for the match (and the content
        type), then the same audience and time filters as a search (``body``)."""
        compiler = self.backend.autocomplete_query_compiler_class(
            SearchDocument.objects.all(), prefix, operator="and"
        )
        filters = [
            *compiler.get_filters(),  # the content type (one index may hold several models)
            self.audience_filter(audience),
            *self.time_filters(now or timezone.now()),
        ]
        return {"bool": {"must": compiler.get_inner_query(), "filter": filters}}

    def suggest_body(self, audience, prefix, limit, now=None):
        return {
            "query": self.suggest_query(audience, prefix, now),
            "size": limit,
            "_source": False,
            "stored_fields": ["pk"],
        }

    def suggest(self, audience, prefix, limit):
        # Sent by us rather than through ``backend.autocomplete`` so that the same time bound
        # applies (modelsearch's call waits for the backend's indexing ``TIMEOUT``).
        response = self._search(self.suggest_body(audience, prefix, limit))
        pks = [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]]
        by_pk = {str(doc.pk): doc for doc in SearchDocument.objects.filter(pk__in=pks)}
        return [by_pk[str(pk)] for pk in pks if str(pk) in by_pk]


# One engine per process and configuration, declared here: modelsearch's
# ``get_search_backend`` builds a new backend, hence a new engine client and connection pool,
# on every call. Keyed by the configuration itself, so a changed setting (tests) takes effect.
_default_engines = {}


def default_engine():
    """The engine of the ``default`` search backend, built once per process."""
    from modelsearch.backends import get_search_backend

    key = repr(sorted(settings.WAGTAILSEARCH_BACKENDS.get("default", {}).items()))
    engine = _default_engines.get(key)
    if engine is None:
        _default_engines.clear()  # only the current configuration is worth keeping
        engine = _default_engines[key] = engine_for(get_search_backend("default"))
    return engine


def engine_for(backend):
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        return ElasticsearchEngine(backend)
    if isinstance(backend, DatabaseSearchBackend):
        return FallbackEngine(backend)
    # PostgreSQL or SQLite FTS (their modules can only be imported on their own database).
    if is_backend(backend, "PostgresSearchBackend"):
        return PostgresEngine(backend)
    return DatabaseEngine(backend)
