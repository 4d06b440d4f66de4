"""The fallback: ``icontains`` on the document rows, used when the engine is down or timed out
(results are then flagged ``degraded``). Slow and crude, but needs no index; the same search
statement and facet counting as the database engine on SQLite (``JoinedFacetCounts``)."""

from django.conf import settings
from django.db.models import F, Q

from search.engines.database import DatabaseEngine
from search.engines.facets import JoinedFacetCounts
from search.engines.limits import statement_time_limit, statement_timeout_ms
from search.engines.request import ANY_WORD
from search.engines.sql import PageOrder
from search.models import SearchDocument


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

    def facet_counts(self, request):
        """Joined with the facet values, on any database (as the SQLite engine counts): it
        reads the documents with ``icontains``, never the PostgreSQL index entries."""
        return JoinedFacetCounts()

    def statement_timeout_ms(self):
        # Its own budget: it runs after the engine failed, possibly by timing out.
        return getattr(settings, "SEARCH_FALLBACK_STATEMENT_TIMEOUT_MS", statement_timeout_ms())

    def suggest(self, audience, prefix, limit):
        queryset = SearchDocument.objects.for_audience(audience).filter(title__icontains=prefix)
        with statement_time_limit(self.statement_timeout_ms()):
            return list(queryset.order_by(F("date").desc(nulls_last=True), "-pk")[:limit])
