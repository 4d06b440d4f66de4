"""The database engine on PostgreSQL: the same statement over the documents' own index table
(``DocumentEntry``), with planner settings for its transaction and its own facet counting."""

import datetime
from dataclasses import replace

from django.db import router

from search.backends.modelsearch_adapter import entry_compiler
from search.engines import postgres_ranking
from search.engines.database import DatabaseEngine
from search.engines.facets import GroupingSetsFacetCounts, SlugArrayFacetCounts
from search.engines.limits import statement_time_limit
from search.engines.request import plan_to_query
from search.engines.sql import filter_queryset, narrowing
from search.memo import Memo
from search.models import DocumentEntry, SearchDocument

#: (code that narrows, database, audience tokens, filters, facet columns) → ``Narrowing``:
#: at most 1,000 (members share a few sets of tokens; all anonymous callers one).
NARROWINGS = Memo(limit=1_000)
#: The time the kept narrowings are built at, replaced by the request's: an instant no date
#: filter gives (a day starts at a whole second).
AT_PLACEHOLDER = datetime.datetime(1001, 1, 1, 0, 0, 0, 314159, tzinfo=datetime.UTC)


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

    def _narrowed(self, request, filters):
        if request.plan.is_empty:
            return super()._narrowed(request, filters)
        entries = DocumentEntry.objects.for_audience(request.audience, request.now)
        return filter_queryset(entries, filters)

    def _compiler_class(self):
        return entry_compiler(super()._compiler_class())

    def _matched_set(self, request):
        """With words: the match and the score as ``search.engines.postgres_ranking`` writes
        them (the SQL this engine's compiler compiles, without its ORM cost), around what the
        ORM compiles of the rows the caller may read (``_narrowing``)."""
        if request.plan.is_empty:
            return super()._matched_set(request)
        query = plan_to_query(request.plan, analysed=True, match=request.match)
        config = self.search_config
        return self._narrowing(request).matched_sql(
            postgres_ranking.rank(query, config),
            postgres_ranking.match(query, config),
            now=request.now,
        )

    def _narrowing(self, request):
        """What the ORM compiles of the matched set (``search.engines.sql.Narrowing``): the
        rows ``_narrowed`` lets the caller read, and the facet flags. Building and compiling
        that queryset at each search was 0.25 ms of CPU (#16), for SQL that depends only on
        the audience tokens, the filters and the code that narrows: it is kept per those
        (``NARROWINGS``), the time of the request passed as a parameter. Nothing of what the
        caller may read is kept: the tokens are read afresh at every search
        (``search.audience``) and are the key."""
        columns = tuple(self.facet_counts(request).columns)
        key = (
            type(self)._narrowed,
            router.db_for_read(DocumentEntry),
            request.audience,
            request.filters,
            columns,
        )
        found = NARROWINGS.get(key)
        if found is None:
            at_placeholder = replace(request, now=AT_PLACEHOLDER)
            narrowed = self._narrowed(at_placeholder, request.filters.without_facets())
            found = NARROWINGS.remember(
                key, narrowing(narrowed, request.filters, columns, at=AT_PLACEHOLDER)
            )
        return found

    def facet_counts(self, request):
        """Counted from the rows' own slugs, never by joining the facet values: the index
        entries' slugs are text (one pass, ``GROUPING SETS``), the documents' (a search
        without words) ``jsonb`` arrays."""
        if request.plan.is_empty:
            return SlugArrayFacetCounts()
        return GroupingSetsFacetCounts()

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
