"""The search API's OpenAPI description (drf-spectacular): valid, without warnings, with every
parameter the API accepts, and response shapes that are the responses' own."""

import datetime

import pytest
import yaml
from django.utils import timezone
from django.utils.safestring import mark_safe
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import _load_enum_name_overrides
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from search.api import views
from search.api.parameters import KNOWN_PARAMETERS as SUGGEST_PARAMETERS
from search.engines import FACETS
from search.forms import KNOWN_PARAMETERS as SEARCH_PARAMETERS
from search.service import Result, SearchResponse, SearchUnavailable, ThreadReplies
from search.urls import api_urlpatterns

PATHS = ["/api/search/", "/api/search/suggest/"]


@pytest.fixture(scope="module")
def schema():
    GENERATOR_STATS.reset()
    generated = SchemaGenerator(patterns=api_urlpatterns).get_schema(request=None, public=True)
    warnings = dict(GENERATOR_STATS._warn_cache), dict(GENERATOR_STATS._error_cache)
    yield generated, warnings
    # drf-spectacular caches ENUM_NAME_OVERRIDES once per process and language: left as this
    # module filled it (no overrides), the site schema generated later in the same process
    # (tests/extranet/api/test_schema.py, with its overrides) warns of an enum collision.
    _load_enum_name_overrides.cache_clear()


def _operation(schema, path):
    return schema[0]["paths"][path]["get"]


def _component(schema, ref):
    if "allOf" in ref:  # a reference with a description of its own
        (ref,) = ref["allOf"]
    return schema[0]["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]


def _response_schema(schema, path, status):
    return _component(
        schema, _operation(schema, path)["responses"][status]["content"]["application/json"]
        ["schema"]
    )  # fmt: skip


def test_the_description_is_valid_openapi_without_warnings(schema):
    validate_schema(schema[0])
    assert schema[1] == ({}, {})
    assert sorted(schema[0]["paths"]) == PATHS


@pytest.mark.parametrize(
    ("path", "accepted"),
    [("/api/search/", SEARCH_PARAMETERS), ("/api/search/suggest/", SUGGEST_PARAMETERS)],
)
def test_every_accepted_parameter_is_described(schema, path, accepted):
    described = {parameter["name"] for parameter in _operation(schema, path)["parameters"]}
    assert described == set(accepted) - {"format"}


@pytest.mark.parametrize("path", PATHS)
def test_errors_and_unavailability_are_described(schema, path):
    responses = _operation(schema, path)["responses"]
    assert {"200", "400", "503"} <= set(responses)
    assert set(_response_schema(schema, path, "400")["properties"]) == {"errors"}
    assert set(_response_schema(schema, path, "503")["properties"]) == {"degraded", "detail"}


def test_filters_are_repeatable_arrays_and_kind_lists_the_kinds(schema):
    parameters = {p["name"]: p for p in _operation(schema, "/api/search/")["parameters"]}
    for name in ("kind", "theme", "territory", "space", "year"):
        assert parameters[name]["schema"]["type"] == "array"
        assert parameters[name]["explode"] is True
    assert "sujet" in parameters["kind"]["schema"]["items"]["enum"]
    assert set(parameters["sort"]["schema"]["enum"]) == {"relevance", "date"}


#: The JSON values each OpenAPI type allows (``bool`` is not an ``int`` here: ``17.0`` or
#: ``true`` for a count is a type error a front end notices).
JSON_TYPES = {
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) in (int, float),
    "string": lambda v: type(v) is str,
    "boolean": lambda v: type(v) is bool,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
}


def _conforms(schema, described, value, where="response"):
    """``value`` is exactly what ``described`` allows, all the way down: the same keys, every
    one required, each value of its type (counts are integers on every database: PostgreSQL's
    SUM once made them ``17.0``), ``null`` only where the description says nullable, enums and
    date-times honoured, references and array items followed."""
    if value is None:
        assert described.get("nullable"), f"{where}: null but not nullable"
        return
    if "allOf" in described:  # a reference with a description or nullability of its own
        (described,) = described["allOf"]
    if "$ref" in described:
        described = schema[0]["components"]["schemas"][described["$ref"].rsplit("/", 1)[-1]]
    if "oneOf" in described:
        matching = [option for option in described["oneOf"] if JSON_TYPES[option["type"]](value)]
        assert len(matching) == 1, (where, described["oneOf"], value)
        described = matching[0]
    assert JSON_TYPES[described["type"]](value), (where, described["type"], value)
    if "enum" in described:
        assert value in described["enum"], (where, value)
    if described.get("format") == "date-time":
        assert datetime.datetime.fromisoformat(value).tzinfo is not None, (where, value)
    if described["type"] == "array":
        for index, item in enumerate(value):
            _conforms(schema, described["items"], item, f"{where}[{index}]")
    if described["type"] == "object":
        if "properties" in described:
            assert set(described["properties"]) == set(value), where
            assert set(described.get("required", [])) == set(value), where
            for name, child in described["properties"].items():
                _conforms(schema, child, value[name], f"{where}.{name}")
        else:
            for key, child in value.items():
                _conforms(schema, described["additionalProperties"], child, f"{where}.{key}")


@pytest.mark.django_db
def test_the_described_shapes_are_the_responses_own(schema, corpus, member):
    client = APIClient()
    client.force_authenticate(member)
    data = client.get("/api/search/", {"q": "laïcité"}).json()
    response = _response_schema(schema, "/api/search/", "200")
    assert data["results"] and data["facets"]["kind"]
    _conforms(schema, response, data)

    data = client.get("/api/search/suggest/", {"q": "form"}).json()
    assert data["suggestions"]
    _conforms(schema, _response_schema(schema, "/api/search/suggest/", "200"), data)

    errors = client.get("/api/search/", {"page": "0"}).json()
    _conforms(schema, _response_schema(schema, "/api/search/", "400"), errors)


def test_a_result_s_replies_are_a_nullable_object_with_an_integer_count(schema):
    response = _response_schema(schema, "/api/search/", "200")
    replies = _component(schema, response["properties"]["results"]["items"])["properties"][
        "replies"
    ]
    assert replies["nullable"] is True
    assert "3 réponses correspondent" in replies["description"]
    thread = _component(schema, replies)
    assert thread["properties"]["count"]["type"] == "integer"
    assert thread["properties"]["url"]["type"] == "string"
    assert set(thread["required"]) == {"count", "url"}


@pytest.mark.django_db
def test_a_topic_with_matching_replies_is_described_too(schema, monkeypatch):
    """The corpus may hold no topic with matching replies: one answer built by hand, rendered
    by the view, checked against the description like the real ones."""
    answer = SearchResponse(
        query="laïcité",
        results=[
            Result(
                title="Référent laïcité",
                title_html=mark_safe("Référent <mark>laïcité</mark>"),
                url="/extranet/espaces/1/sujets/2/",
                kind="sujet",
                kind_label="Sujet de discussion",
                date=timezone.now(),
                snippet=mark_safe("… <mark>laïcité</mark> …"),
                space_name="Réseau VRL",
                restricted_label="Réservé aux membres de l'espace « Réseau VRL »",
                replies=ThreadReplies(count=3, url="/extranet/espaces/1/sujets/2/#message-7"),
            )
        ],
        total=1,
        page=1,
        page_size=20,
        sort="relevance",
        facets={name: [] for name in FACETS},
        did_you_mean="laïcité",
    )
    monkeypatch.setattr(views, "search_from_query_dict", lambda user, query: answer)
    data = APIClient().get("/api/search/", {"q": "laïcité"}).json()
    assert data["results"][0]["replies"] == {"count": 3, "url": answer.results[0].replies.url}
    _conforms(schema, _response_schema(schema, "/api/search/", "200"), data)


def test_the_unavailable_answer_is_the_described_one(schema, monkeypatch):
    def unavailable(user, query):
        raise SearchUnavailable("down")

    monkeypatch.setattr(views, "search_from_query_dict", unavailable)
    response = APIClient().get("/api/search/", {"q": "laïcité"})
    assert response.status_code == 503
    _conforms(schema, _response_schema(schema, "/api/search/", "503"), response.json())


@pytest.mark.django_db
def test_the_site_schema_lists_the_search_api():
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert set(PATHS) <= set(yaml.safe_load(response.content)["paths"])
