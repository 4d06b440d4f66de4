"""Health endpoints for probes (compose healthchecks, load balancers, bin/prodcheck).

- ``/healthz``: liveness. The process answers; touches nothing else, so a database outage
  does not get every web process restarted.
- ``/readyz``: readiness. The database answers a query, the cache stores and reads a value,
  and the search engine (when one is configured) answers; 503 with the failing part named
  otherwise. Details of errors stay in the logs. The cache is the exception: the site answers
  without it (``portal.cache``), so its failure is named with ``"status": "dégradé"`` and a
  200; a 503 would make the load balancer drop every web process for an optional part.

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
# Parts the site works without (degraded): their failure does not make a process unready.
OPTIONAL = {"cache"}


def readiness():
    """{part: "ok" or "indisponible"}, and whether every part the site needs is ok."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.warning("Vérification « %s » en échec", name, exc_info=True)
            results[name] = "indisponible"
        else:
            results[name] = "ok"
    return results, all(value == "ok" for name, value in results.items() if name not in OPTIONAL)


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
            if not ready:
                return _json({"status": "indisponible", **results}, 503)
            degraded = any(value != "ok" for value in results.values())
            return _json({"status": "dégradé" if degraded else "ok", **results}, 200)
        return self.get_response(request)
