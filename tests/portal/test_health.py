"""Health endpoints: /healthz (liveness) and /readyz (database, cache, search engine)."""

import pytest

from portal import health

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readiness_checks_database_cache_and_search(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}


def test_readiness_is_503_naming_the_part_that_fails(client, monkeypatch):
    def down():
        raise ConnectionError("moteur injoignable sur 10.0.0.7")

    monkeypatch.setitem(health.CHECKS, "search", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["search"] == "indisponible"
    assert response.json()["database"] == "ok"
    assert "10.0.0.7" not in response.text  # details stay in the logs


def test_readiness_stays_200_but_degraded_without_the_cache(client, monkeypatch):
    # The site answers without Redis (portal.cache): a 503 would make the load balancer drop
    # every web process for an optional part.
    def down():
        raise ConnectionError("Redis injoignable")

    monkeypatch.setitem(health.CHECKS, "cache", down)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "dégradé"
    assert response.json()["cache"] == "indisponible"
    assert "Redis" not in response.text


def test_probes_answer_any_host_over_plain_http(client, settings):
    # Probes call the container's own address over HTTP: neither ALLOWED_HOSTS nor the
    # HTTPS redirect may turn them away.
    settings.ALLOWED_HOSTS = ["portail.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.1.2.3:8000").status_code == 200


def test_search_engine_readiness_asks_the_engine(monkeypatch):
    asked = []

    class Client:
        def info(self):
            asked.append(True)

    class Backend:
        es = Client()

    monkeypatch.setattr("modelsearch.backends.get_search_backend", lambda: Backend())
    health.check_search()
    assert asked == [True]
