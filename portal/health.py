"""Health endpoints for probes (compose healthchecks, load balancers, bin/prodcheck).

- ``/healthz``: liveness. The process answers; touches nothing else, so a database outage
  does not get every web process restarted.
- ``/readyz``: readiness. The database answers a query, the cache stores and reads a value,
  and the search engine (when one is configured) answers; 503 with the failing part named
  otherwise. Details of errors stay in the logs.

Answered by a middleware placed first: probes speak plain HTTP to the container's own address,
so neither the host check (ALLOWED_HOSTS) nor the HTTPS redirect may turn them away.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key, value = "readyz", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise RuntimeError("le cache ne rend pas la valeur écrite")


def check_search():
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None:  # Elasticsearch or OpenSearch; the database backend is checked above
        client.info()


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search}


def readiness():
    """{part: "ok" or "indisponible"}, and whether everything is ok."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.warning("Vérification « %s » en échec", name, exc_info=True)
            results[name] = "indisponible"
        else:
            results[name] = "ok"
    return results, all(value == "ok" for value in results.values())


def _json(data, status):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/")
        if path == LIVENESS_PATH:
            return _json({"status": "ok"}, 200)
        if path == READINESS_PATH:
            results, ready = readiness()
            return _json(
                {"status": "ok" if ready else "indisponible", **results}, 200 if ready else 503
            )
        return self.get_response(request)
