"""Against a live Elasticsearch cluster: runs only when ELASTICSEARCH_URL is set.

    ELASTICSEARCH_URL=http://localhost:9200 \
        .venv/bin/python -m pytest tests/search/test_elasticsearch_live.py

(see docs/search.md). Uses its own index prefix and deletes its index afterwards.
"""

import os

import pytest
from modelsearch.backends import get_search_backend

from search.models import SearchDocument

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: no live Elasticsearch cluster to test against "
        "(see docs/search.md, « Elasticsearch en vrai »)",
    ),
]

BACKEND = {
    "BACKEND": "search.backends.elasticsearch.Elasticsearch9SearchBackend"
    if os.environ.get("ELASTICSEARCH_VERSION", "9") == "9"
    else "search.backends.elasticsearch.Elasticsearch8SearchBackend",
    "URLS": [ELASTICSEARCH_URL or "http://localhost:9200"],
    "INDEX_PREFIX": "portal_live_test_",
    "TIMEOUT": 10,
}


@pytest.fixture
def live_index(settings, db):
    settings.WAGTAILSEARCH_BACKENDS = {"default": BACKEND}
    backend = get_search_backend("default")
    index = backend.get_index_for_model(SearchDocument)
    index.reset()
    index.add_model(SearchDocument)
    yield index
    index.delete()


@pytest.fixture
def corpus(live_index):
    from tests.factories.search import make_document

    documents = {
        "laicite": make_document("Formation laïcité", "Les valeurs de la République"),
        "actrices": make_document("Rencontre des actrices de l'insertion", "Journée régionale"),
        "pre": make_document("Journée des coordonnateur·rice·s", "Programme de réussite éducative"),
        "space": make_document(
            "Laïcité : échanges du réseau",
            "Compte rendu",
            audience="space:42",
            space_id=42,
            space_name="Réseau VRL",
        ),
        "staff": make_document("Note interne laïcité", "Budget", audience="staff"),
    }
    live_index.refresh()
    return documents


def _titles(response):
    return {result.title for result in response.results}


def test_accents_elision_inclusive_writing_and_abbreviations_match(corpus, anonymous):
    from search.service import search

    assert "Formation laïcité" in _titles(search(anonymous, "laicite"))
    assert "Rencontre des actrices de l'insertion" in _titles(search(anonymous, "insertion"))
    assert "Rencontre des actrices de l'insertion" in _titles(search(anonymous, "acteur·rice·s"))
    assert "Journée des coordonnateur·rice·s" in _titles(search(anonymous, "PRE"))
    assert "Journée des coordonnateur·rice·s" in _titles(search(anonymous, "coordonnatrices"))


def test_anonymous_sees_public_documents_only_in_results_counts_and_facets(corpus, anonymous):
    from search.service import search

    response = search(anonymous, "laïcité")
    assert _titles(response) == {"Formation laïcité"}
    assert response.total == 1
    assert sum(f.count for f in response.facets["kind"]) == 1
    assert response.facets["space"] == []


def test_engine_facets_count_what_the_audience_may_see(corpus, settings):
    from search.analysis.queries import parse
    from search.engines import SearchRequest, engine_for

    engine = engine_for(get_search_backend("default"))
    outcome = engine.search(
        SearchRequest(audience=frozenset({"public", "space:42"}), plan=parse("laïcité"))
    )
    assert outcome.total == 2
    assert outcome.facets["space"] == [(42, "Réseau VRL", 1)]
