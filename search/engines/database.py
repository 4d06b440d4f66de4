"""The database engine: modelsearch's PostgreSQL or SQLite FTS query compiler for the match
and its score, then one statement whatever the filters for the page's ids, the total and every
facet (``search.engines.sql.search_sql``: the match and the ranking run once), and a second
one reading the page's documents by key. On PostgreSQL the first runs under a local
``statement_timeout`` (``fetch_all_limited``): a pathological query is cancelled after a
second and the service answers from the fallback instead."""

from search.backends.database import search_config_for
from search.backends.modelsearch_adapter import (
    is_backend,
    postgres_single_rank_compiler,
    sqlite_weighted_compiler,
)
from search.engines.facets import JoinedFacetCounts
from search.engines.limits import fetch_all_limited, statement_time_limit, statement_timeout_ms
from search.engines.request import DATE, plan_to_query
from search.engines.results import EngineResult, page_documents
from search.engines.sql import SCORE, PageOrder, filter_queryset, matched_sql, read_rows, search_sql
from search.models import SearchDocument


class DatabaseEngine:
    name = "database"
    #: Planner settings of the search transaction (PostgreSQL; see ``PostgresEngine``).
    planner = None

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

    def facet_counts(self, request):
        """How this engine counts facets (``search.engines.facets``)."""
        return JoinedFacetCounts()

    def _matched_set(self, request):
        """``matched_sql`` of the request: audience, dates and the match, no facet filter,
        with the columns the request's facet counting reads."""
        base = self._scored(self._narrowed(request, request.filters.without_facets()), request)
        columns = self.facet_counts(request).columns
        return matched_sql(base, request.filters, self._page_order(request).scored, columns)

    def search(self, request):
        """One statement for the page's ids, the total and the facets (the match and the
        ranking run once), then one to read the page's documents by key."""
        sql, params = search_sql(
            self._matched_set(request),
            self._page_order(request),
            request.offset,
            request.limit,
            self.facet_counts(request),
            request.with_facets,
        )
        rows = fetch_all_limited(sql, params, self.statement_timeout_ms(), planner=self.planner)
        ids, total, facets = read_rows(rows)
        # By primary key: no time limit needed (a page of rows).
        return EngineResult(page_documents(ids), total, facets if request.with_facets else {})

    def suggest(self, audience, prefix, limit):
        queryset = SearchDocument.objects.for_audience(audience)
        with statement_time_limit(self.statement_timeout_ms()):
            return list(self.backend.autocomplete(prefix, queryset, operator="and")[:limit])
