"""One time bound for every engine call: a server that accepts connections and never answers
holds a search or a suggestion for ``SEARCH_ENGINE_TIMEOUT`` (1 s), not for the backend's
indexing ``TIMEOUT`` (several seconds); the answer then comes from the database, degraded.

The hanging server is a real socket on loopback (no engine needed): it accepts, reads, and
says nothing until the test ends.
"""

import socket
import threading
import time

import pytest
from django.test import override_settings

from search import service
from search.conf import ENGINE_BACKENDS
from tests.factories.search import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.faults]

BACKEND_TIMEOUT = 8  # the backend's own timeout, for indexing: what must NOT be waited for
BOUND = 1.0


@pytest.fixture
def hanging_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            accepted.append(connection)  # kept open, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture(params=sorted({path for path in ENGINE_BACKENDS.values()}))
def hanging_engine(request, hanging_server):
    backends = {
        "default": {
            "BACKEND": request.param,
            "URLS": [hanging_server],
            "INDEX_PREFIX": "hanging_",
            "TIMEOUT": BACKEND_TIMEOUT,
            # No retry on timeout (the clients' default): one bounded attempt.
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_ENGINE_TIMEOUT=BOUND):
        yield request.param


def _timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_a_search_against_a_hanging_engine_answers_degraded_within_the_bound(
    hanging_engine, anonymous
):
    make_document("Laïcité : la journée régionale", index=False)
    response, elapsed = _timed(lambda: service.search(anonymous, "laïcité"))
    assert response.degraded
    assert [result.title for result in response.results] == ["Laïcité : la journée régionale"]
    assert elapsed < BACKEND_TIMEOUT / 2, f"waited {elapsed:.1f} s, bound {BOUND} s"


def test_suggestions_against_a_hanging_engine_come_within_the_bound(hanging_engine, anonymous):
    make_document("Laïcité : la journée régionale", index=False)
    suggestions, elapsed = _timed(lambda: service.suggest(anonymous, "laïc"))
    assert [s["title"] for s in suggestions] == ["Laïcité : la journée régionale"]
    assert elapsed < BACKEND_TIMEOUT / 2, f"waited {elapsed:.1f} s, bound {BOUND} s"
