"""Which search engine the portal talks to, chosen from the environment.

Kept free of Django imports: settings import it before apps are loaded.
"""

import os


def search_backends_from_env():
    """`ELASTICSEARCH_URL` → Elasticsearch, `OPENSEARCH_URL` → OpenSearch, else the database."""
    es_url = os.environ.get("ELASTICSEARCH_URL")
    os_url = os.environ.get("OPENSEARCH_URL")
    index = os.environ.get("SEARCH_INDEX_PREFIX", "portal")
    if es_url:
        return {
            "default": {
                "BACKEND": "modelsearch.backends.elasticsearch9",
                "URLS": [es_url],
                "INDEX_PREFIX": f"{index}_",
                "TIMEOUT": 5,
            }
        }
    if os_url:
        return {
            "default": {
                "BACKEND": "modelsearch.backends.opensearch3",
                "URLS": [os_url],
                "INDEX_PREFIX": f"{index}_",
                "TIMEOUT": 5,
            }
        }
    return {"default": {"BACKEND": "modelsearch.backends.database"}}
