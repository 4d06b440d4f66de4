"""A live search engine for the tests marked ``engine``: a real OpenSearch node.

Used two ways: the ``search_engine`` fixture (tests/search/conftest.py) runs a test module
on every engine, the database's and the live one, with the same expectations; the tests
under tests/search/engine/ are about the engine alone (index swaps, outages, errors).

    bin/opensearch start
    OPENSEARCH_TEST_URL=http://127.0.0.1:9200 bin/test -m engine

``OPENSEARCH_TEST_VERSION`` (``2`` by default, the node ``bin/opensearch`` runs on Java 17)
chooses the backend. Without ``OPENSEARCH_TEST_URL`` these tests are skipped, except in CI
(``CI=true``), where a missing engine is a failure: CI starts the node and must run them all.

Each pytest-xdist worker has its own index prefix (``portal_test_<worker>_``): workers never
see each other's documents, and every index of the prefix is deleted after each test.
Documents become visible to searches at the engine's refresh: tests call ``refresh()``
after writing (production relies on the engine's one-second refresh interval).
"""

import os
from contextlib import contextmanager

import pytest
from django.test import override_settings
from modelsearch.backends import get_search_backend

from search import engine_indexes
from search.conf import ENGINE_BACKENDS
from search.models import SearchDocument

URL = os.environ.get("OPENSEARCH_TEST_URL", "")
VERSION = os.environ.get("OPENSEARCH_TEST_VERSION", "2")
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
PREFIX = f"portal_test_{WORKER}_"
LIVE_TIMEOUT = 10


def engine_settings(url=None, **extra):
    """``WAGTAILSEARCH_BACKENDS`` pointing at the test engine (or at ``url``)."""
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[("opensearch", VERSION)],
            "URLS": [url or URL],
            "INDEX_PREFIX": PREFIX,
            "TIMEOUT": LIVE_TIMEOUT,
            **extra,
        }
    }


def require_engine():
    if URL:
        return
    message = (
        "OPENSEARCH_TEST_URL is not set: no live engine to test against "
        "(bin/opensearch start, see docs/search.md)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the live engine tests: {message}")
    pytest.skip(message)


def delete_test_indexes():
    client = get_search_backend("default").es
    client.indices.delete(index=f"{PREFIX}*", expand_wildcards="all", ignore_unavailable=True)
    forget_created_indexes()


def current_backend():
    return get_search_backend("default")


def refresh():
    """Make every write so far visible to searches (the engine's refresh, now)."""
    current_backend().es.indices.refresh(index=f"{PREFIX}*")


def engine_ids():
    """The ids of the documents the engine holds."""
    refresh()
    return engine_indexes.document_ids(current_backend())


def database_ids():
    return {str(pk) for pk in SearchDocument.objects.values_list("pk", flat=True)}


def published_news(tree, count, title):
    """``count`` news pages titled ``title 0`` … published under ``tree``'s news index, their
    documents written and pushed (the outbox applied)."""
    from search import sync
    from tests.factories.cms import make_news

    pages = [make_news(tree.news_index, title=f"{title} {n}") for n in range(count)]
    sync.process_pending()
    return pages


def engine_titles(user, q):
    """The titles ``user`` finds for ``q``, answered by the engine (never by the fallback)."""
    from search.service import search

    response = search(user, q)
    assert not response.degraded, "the engine must answer, not the fallback"
    return {result.title for result in response.results}


def start_engine():
    """A fresh, empty documents index behind the alias searches read."""
    backend = current_backend()
    engine_indexes.swap(backend, engine_indexes.fresh_index(backend))
    return backend


class _RefreshAfterWrites:
    """Writes visible at once: the engine refreshes every second on its own, which a test
    would otherwise wait for. Wraps the two functions every engine write goes through
    (``push_to`` for documents written, ``remove_from_engines`` for documents withdrawn)."""

    NAMES = ("push_to", "remove_from_engines")

    def __init__(self):
        from search import indexing

        self.indexing = indexing
        self.saved = {name: getattr(indexing, name) for name in self.NAMES}
        for name, function in self.saved.items():
            setattr(indexing, name, self._refreshing(function))

    @staticmethod
    def _refreshing(function):
        def wrapped(*args, **kwargs):
            result = function(*args, **kwargs)
            refresh()
            return result

        return wrapped

    def undo(self):
        for name, function in self.saved.items():
            setattr(self.indexing, name, function)


_prepared = {"done": False}


def empty_test_indexes():
    """Every index of this worker emptied (its ids listed and deleted in bulk), not deleted:
    creating an index with the French analysis costs about a second, emptying it a few
    milliseconds. The documents index and Wagtail's own ones (the admin's search, created
    with their mapping by ``search.admin_indexes``) alike. (Not ``_delete_by_query``: it
    belongs to OpenSearch's reindex module, which the node of bin/opensearch does not load.)"""
    backend = current_backend()
    alias = engine_indexes.alias_of(backend).name
    for name in backend.es.indices.get(index=f"{PREFIX}*", expand_wildcards="all"):
        if name != alias and alias not in _aliases(backend, name):
            _empty(backend, name)
    ids = engine_indexes.document_ids(backend)
    if ids:
        engine_indexes.delete_ids(backend, ids)
    refresh()


def _empty(backend, name):
    backend.es.indices.refresh(index=name)
    while True:
        body = {"query": {"match_all": {}}, "size": 1000, "_source": False}
        hits = backend.es.search(index=name, body=body)["hits"]["hits"]
        if not hits:
            return
        actions = [{"_op_type": "delete", "_index": name, "_id": hit["_id"]} for hit in hits]
        backend.bulk(backend.es, actions, raise_on_error=False)
        backend.es.indices.refresh(index=name)


def forget_created_indexes():
    """After deleting indexes behind the portal's back: this process must check again."""
    from search import admin_indexes

    engine_indexes._existing.clear()
    admin_indexes._ensured.clear()


def _aliases(backend, name):
    return set(backend.es.indices.get_alias(index=name)[name]["aliases"])


@contextmanager
def live_engine_configured():
    """The live engine as the ``default`` search backend, with an empty documents index
    (created once per process, emptied for each test)."""
    require_engine()
    # A generous bound: the 1 s of production is tested on its own (a server that never
    # answers, test_engine_timeout.py); here a busy CI machine must not turn answers into
    # timeouts.
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(), SEARCH_ENGINE_TIMEOUT=LIVE_TIMEOUT
    ):
        if not _prepared["done"]:
            delete_test_indexes()
            start_engine()
            _prepared["done"] = True
        else:
            empty_test_indexes()
        backend = current_backend()
        refreshing = _RefreshAfterWrites()
        try:
            yield backend
        finally:
            refreshing.undo()


ENGINES = ["database", pytest.param("opensearch", marks=pytest.mark.engine)]
