"""Elasticsearch 8 and 9 are tested by their request bodies only (no Elasticsearch node runs
here): each body must be the very one that passed on the live OpenSearch node (the engine
tests), wherever the two APIs agree. What differs is listed in docs/search.md (« Moteurs »):
only how the clients send a body, never its content.

Built offline: creating a client opens no connection."""

import datetime

import pytest
from django.utils import timezone
from modelsearch.backends import get_search_backend

from search.analysis.queries import parse
from search.conf import ENGINE_BACKENDS
from search.engines import DATE, ElasticsearchEngine, Filters, SearchRequest
from search.models import Kind, SearchDocument

OPENSEARCH = ENGINE_BACKENDS[("opensearch", "3")]
ELASTICSEARCH = [ENGINE_BACKENDS[("elasticsearch", "9")], ENGINE_BACKENDS[("elasticsearch", "8")]]

REQUESTS = {
    "words": dict(q="laïcité"),
    "inclusive writing": dict(q="acteur·rice·s de l'insertion"),
    "abbreviation": dict(q="PRE"),
    "member of two spaces": dict(q="réunion", audience=("public", "space:3", "space:9")),
    "staff": dict(q="note interne", audience=("public", "staff")),
    "filters": dict(
        q="politique de la ville",
        filters=Filters(
            kind=(Kind.NEWS, Kind.TOPIC),
            theme=("laicite",),
            territory=("31",),
            space=(3,),
            year=(2023,),
            date_from=datetime.date(2023, 1, 1),
            date_to=datetime.date(2023, 12, 31),
        ),
    ),
    "browse by date": dict(q="", sort=DATE),
    "second page without facets": dict(q="décrochage", offset=20, with_facets=False),
}


def _engine(path):
    return ElasticsearchEngine(get_search_backend(path, URLS=["http://localhost:9200"]))


def _request(q, audience=("public",), **kwargs):
    return SearchRequest(audience=frozenset(audience), plan=parse(q), **kwargs)


@pytest.fixture(scope="module")
def opensearch():
    return _engine(OPENSEARCH)


@pytest.mark.parametrize("path", ELASTICSEARCH, ids=lambda path: path.rsplit(".", 1)[-1])
@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_elasticsearch_sends_the_search_body_that_passed_on_opensearch(opensearch, path, name):
    request = _request(**REQUESTS[name])
    assert _engine(path).body(request) == opensearch.body(request)


@pytest.mark.parametrize("path", ELASTICSEARCH, ids=lambda path: path.rsplit(".", 1)[-1])
def test_elasticsearch_sends_the_suggestion_body_that_passed_on_opensearch(opensearch, path):
    audience, now = frozenset({"public", "space:3"}), timezone.now()
    assert _engine(path).suggest_body(audience, "laic", 16, now) == opensearch.suggest_body(
        audience, "laic", 16, now
    )


@pytest.mark.parametrize("path", ELASTICSEARCH, ids=lambda path: path.rsplit(".", 1)[-1])
def test_elasticsearch_creates_the_index_that_passed_on_opensearch(opensearch, path):
    elasticsearch = _engine(path)
    assert elasticsearch.backend.settings == opensearch.backend.settings
    assert (
        elasticsearch.mapping.get_mapping()
        == opensearch.backend.mapping_class(SearchDocument).get_mapping()
    )
