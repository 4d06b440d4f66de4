"""Running one search request on the configured engine, with permissions applied first.

Every engine receives a ``SearchRequest`` whose audience tokens are mandatory: the request
cannot even be built without them, and each engine applies them before anything else, with
the time rule at the request's ``now`` (``SearchDocument.objects.for_audience`` for the
database; for Elasticsearch, ``audience_filter`` and ``time_filters`` inside the query, so
that hits, counts and aggregations all obey them). Each answers an ``EngineResult`` whose
counts are integers by construction.

One module per concern:

- ``request``: ``Filters``, ``SearchRequest``, the facets and sorts, the plan as modelsearch
  query objects;
- ``results``: ``EngineResult`` and ``FacetBucket`` (typed answers);
- ``errors``, ``limits``: how an engine fails, and how long it may take;
- ``facets``: the facet rule, stated once, and how each engine counts it;
- ``sql``: the database engines' one search statement;
- ``database`` (SQLite FTS), ``postgres``, ``fallback`` (``icontains``, used when the engine
  is down: results are then flagged ``degraded``), ``elasticsearch`` (Elasticsearch and
  OpenSearch): the engines.

modelsearch's internals that the engines override (query compilers' ranking, Elasticsearch's
plain-text compilation) are in ``search.backends.modelsearch_adapter``.
"""

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from search.backends.modelsearch_adapter import is_backend
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.errors import EngineRejected, EngineUnavailable, engine_error
from search.engines.fallback import FallbackEngine
from search.engines.limits import (
    DEFAULT_ENGINE_TIMEOUT,
    DEFAULT_STATEMENT_TIMEOUT_MS,
    engine_timeout,
    statement_time_limit,
    statement_timeout_ms,
)
from search.engines.postgres import PostgresEngine
from search.engines.request import (
    ALL_WORDS,
    ANY_WORD,
    DATE,
    FACET_SIZE,
    FACETS,
    LABELLED_FACETS,
    RELEVANCE,
    Filters,
    SearchRequest,
    plan_to_query,
)
from search.engines.results import EngineResult, FacetBucket

__all__ = [
    "ALL_WORDS",
    "ANY_WORD",
    "DATE",
    "DEFAULT_ENGINE_TIMEOUT",
    "DEFAULT_STATEMENT_TIMEOUT_MS",
    "FACETS",
    "FACET_SIZE",
    "LABELLED_FACETS",
    "RELEVANCE",
    "DatabaseEngine",
    "ElasticsearchEngine",
    "EngineRejected",
    "EngineResult",
    "EngineUnavailable",
    "FacetBucket",
    "FallbackEngine",
    "Filters",
    "PostgresEngine",
    "SearchRequest",
    "default_engine",
    "engine_error",
    "engine_for",
    "engine_timeout",
    "plan_to_query",
    "statement_time_limit",
    "statement_timeout_ms",
]

# One engine per process and configuration, declared here: modelsearch's
# ``get_search_backend`` builds a new backend, hence a new engine client and connection pool,
# on every call. Keyed by the configuration itself, so a changed setting (tests) takes effect.
_default_engines = {}


def default_engine():
    """The engine of the ``default`` search backend, built once per process."""
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
