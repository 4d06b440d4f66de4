"""Which search engine the portal talks to, chosen from the environment.

Kept free of Django imports: settings import it before apps are loaded.

- ``ELASTICSEARCH_URL`` → Elasticsearch 9 with French analysis (``ELASTICSEARCH_VERSION=8``
  for the 8 series, with an ``elasticsearch`` 8 client);
- ``OPENSEARCH_URL`` → OpenSearch, 2.x or 3.x servers alike (one backend: the opensearch-py 3
  client speaks to both; ``OPENSEARCH_VERSION`` is accepted for the record, ``2`` or ``3``);
- neither → the database (``search.backends.database``): PostgreSQL full text, or SQLite FTS5
  for the embedded default. On PostgreSQL, search documents are indexed and queried with the
  ``portal_simple`` configuration (``search`` migration 0004: accents removed, no stemming;
  our Python analysis has stemmed them already), everything else Wagtail indexes (pages, for
  its admin search) with ``portal_french`` (migration 0002: accents removed, French stemming).
"""

import os

ENGINE_BACKENDS = {
    ("elasticsearch", "9"): "search.backends.elasticsearch.Elasticsearch9SearchBackend",
    ("elasticsearch", "8"): "search.backends.elasticsearch.Elasticsearch8SearchBackend",
    ("opensearch", "3"): "search.backends.opensearch.OpenSearchSearchBackend",
    ("opensearch", "2"): "search.backends.opensearch.OpenSearchSearchBackend",
}
POSTGRES_SEARCH_CONFIG = "portal_french"
#: Search documents: already analysed terms, which must not be stemmed a second time.
DOCUMENT_SEARCH_CONFIG = "portal_simple"


def search_backends_from_env(environ=None):
    environ = os.environ if environ is None else environ
    prefix = environ.get("SEARCH_INDEX_PREFIX", "portal")
    timeout = int(environ.get("SEARCH_TIMEOUT", "5"))
    for engine, url_variable in (("elasticsearch", "ELASTICSEARCH_URL"),
                                 ("opensearch", "OPENSEARCH_URL")):  # fmt: skip
        url = environ.get(url_variable)
        if not url:
            continue
        default_version = "9" if engine == "elasticsearch" else "3"
        version = environ.get(f"{engine.upper()}_VERSION", default_version)
        backend = ENGINE_BACKENDS.get((engine, version))
        if backend is None:
            raise ValueError(f"{engine.upper()}_VERSION={version} is not supported")
        return {
            "default": {
                "BACKEND": backend,
                "URLS": [u.strip() for u in url.split(",") if u.strip()],
                "INDEX_PREFIX": f"{prefix}_",
                "TIMEOUT": timeout,
            }
        }
    # SEARCH_CONFIG and MODEL_SEARCH_CONFIGS are read on PostgreSQL only; SQLite ignores them.
    return {
        "default": {
            "BACKEND": "search.backends.database",
            "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG,
            "MODEL_SEARCH_CONFIGS": {"search.SearchDocument": DOCUMENT_SEARCH_CONFIG},
        }
    }
