"""Bad input to the search API answers results (200) or a 400 with French field messages in
``{"errors": {parameter: [message]}}``, never a 500; a broken engine answers from the
fallback (``degraded``) or a 503 with ``degraded``."""

import pytest
from django.db import DatabaseError

from search import engines, service
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db

SEARCH_URL = "/api/search/"
SUGGEST_URL = "/api/search/suggest/"
# Django's and DRF's untranslated messages: what a French message must never look like.
ENGLISH_DEFAULTS = ("Enter ", "Select ", "Ensure ", "This field", "Null characters", "A valid")


@pytest.fixture
def laicite(db):
    return make_document(
        "Formation laïcité pour les acteur·rice·s", "Valeurs de la République et laïcité."
    )


def _assert_json_answer(response):
    """200 with the response shape, or 400 with non-empty French field messages."""
    assert response.status_code in (200, 400), response.content
    assert response["Content-Type"] == "application/json"
    data = response.json()
    if response.status_code == 200:
        assert {"results", "total", "page", "pages", "facets", "degraded"} <= set(data)
    else:
        assert set(data) == {"errors"} and data["errors"]
        for messages in data["errors"].values():
            assert messages and all(isinstance(m, str) and m for m in messages)
    return data


QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "a" * 200,
    '"laïcité',
    '"laïcité"',
    "laï*",
    "*",
    "laïcité~2",
    "~",
    "title:laïcité",
    ":",
    "(laïcité",
    "laïcité)",
    "[{(",
    "laïcité\x00",
    "\x00",
    "\x01\x02\x7f",
    "😀 laïcité 🎉",
    "👩‍👩‍👧‍👦" * 20,
    "'; DROP TABLE search_searchdocument; --",
    "laïcité' OR '1'='1",
    "1 UNION SELECT password FROM accounts_user",
    "%",
    "_",
    "\\",
    "laïcité AND OR NOT",
    "-laïcité",
    "·" * 150,
    "<script>alert(1)</script>",
    "l'",
    "’",
    "\u202e\u200b",
]


@pytest.mark.parametrize("q", QUERIES)
def test_any_query_text_answers_results_or_a_400_never_a_500(client, laicite, q):
    _assert_json_answer(client.get(SEARCH_URL, {"q": q}))


@pytest.mark.parametrize("q", QUERIES)
def test_any_suggestion_prefix_answers_suggestions_or_a_400_never_a_500(client, laicite, q):
    data = _assert_json_answer_suggest(client.get(SUGGEST_URL, {"q": q}))
    if data is not None:
        assert isinstance(data["suggestions"], list)


def _assert_json_answer_suggest(response):
    assert response.status_code in (200, 400), response.content
    data = response.json()
    if response.status_code == 400:
        assert set(data) == {"errors"} and data["errors"]
        return None
    return data


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "x" * 10_000}, "q"),
        ({"q": "laïcité\x00"}, "q"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "101"}, "page"),
        ({"page": "99999999999999999999999"}, "page"),
        ({"page": "deux"}, "page"),
        ({"page": "1.5"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "51"}, "page_size"),
        ({"page_size": "-5"}, "page_size"),
        ({"sort": "pertinence"}, "sort"),
        ({"sort": "title; DROP"}, "sort"),
        ({"kind": "inconnu"}, "kind"),
        ({"theme": "Pas un slug!"}, "theme"),
        ({"territory": "../../etc"}, "territory"),
        ({"space": "abc"}, "space"),
        ({"space": "-3"}, "space"),
        ({"year": "19"}, "year"),
        ({"date_from": "2023-13-01"}, "date_from"),
        ({"date_from": "hier"}, "date_from"),
        ({"date_to": "2023-02-30"}, "date_to"),
        ({"date_to": "01/02/2023"}, "date_to"),
        ({"date_from": "2024-01-02", "date_to": "2024-01-01"}, "date_to"),
        ({"foo": "bar"}, "non_field_errors"),
        ({"author": "x"}, "non_field_errors"),
        ({"kind": ",".join(["actualite"] * 21)}, "kind"),
    ],
)
def test_bad_parameters_answer_400_with_a_french_message_for_that_parameter(
    client, laicite, params, field
):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors
    for message in errors[field]:
        assert message and not message.startswith(ENGLISH_DEFAULTS), message


def test_unknown_parameter_is_named_in_the_message(client):
    response = client.get(SEARCH_URL, {"q": "laïcité", "auteur": "x"})
    assert response.json() == {"errors": {"non_field_errors": ["Paramètre inconnu : « auteur »."]}}


def test_every_bad_parameter_is_reported_at_once(client):
    response = client.get(SEARCH_URL, {"page": "0", "sort": "x", "date_from": "x"})
    assert set(response.json()["errors"]) == {"page", "sort", "date_from"}


def test_a_page_past_the_last_one_is_empty_not_an_error(client, laicite):
    data = client.get(SEARCH_URL, {"q": "laïcité", "page": 100}).json()
    assert data["results"] == [] and data["total"] == 1 and data["page"] == 100


def test_engine_syntax_is_ignored_and_the_words_still_found(client, laicite):
    for q in ('"laïcité"', "laïcité~", ":laïcité:", "(laïcité]", "laïcité*"):
        data = client.get(SEARCH_URL, {"q": q}).json()
        assert [r["title"] for r in data["results"]] == [laicite.title], q


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 101}, "q"),
        ({"q": "laïc", "limit": "0"}, "limit"),
        ({"q": "laïc", "limit": "21"}, "limit"),
        ({"q": "laïc", "limit": "beaucoup"}, "limit"),
        ({"q": "laïc", "page": "1"}, "non_field_errors"),
        ({"q": "laï\x00"}, "q"),
    ],
)
def test_bad_suggestion_parameters_answer_400_with_a_french_message(client, params, field):
    response = client.get(SUGGEST_URL, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("prefix", ["", "l", "*", "''"])
def test_short_or_symbolic_suggestion_prefixes_give_no_suggestions(client, laicite, prefix):
    response = client.get(SUGGEST_URL, {"q": prefix})
    assert response.status_code == 200 and response.json()["suggestions"] == []


# --- engine down ----------------------------------------------------------------------------


class _UnreachableEngine:
    name = "elasticsearch"

    def search(self, request):
        raise engines.EngineUnavailable("connection refused")

    def suggest(self, audience, prefix, limit):
        raise engines.EngineUnavailable("connection refused")


def test_engine_down_api_answers_from_the_fallback_flagged_degraded(client, laicite, monkeypatch):
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    response = client.get(SEARCH_URL, {"q": "laïcité"})
    assert response.status_code == 200
    data = response.json()
    assert data["degraded"] is True
    assert [r["title"] for r in data["results"]] == [laicite.title]


def test_engine_down_suggestions_still_answer(client, laicite, monkeypatch):
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    response = client.get(SUGGEST_URL, {"q": "Formation"})
    assert response.status_code == 200
    assert [s["title"] for s in response.json()["suggestions"]] == [laicite.title]


def test_engine_and_fallback_down_answer_503_with_degraded(client, laicite, monkeypatch):
    def broken(self, request):
        raise DatabaseError("no database")

    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    monkeypatch.setattr(engines.FallbackEngine, "search", broken)
    response = client.get(SEARCH_URL, {"q": "laïcité"})
    assert response.status_code == 503
    data = response.json()
    assert data["degraded"] is True and "indisponible" in data["detail"]
    assert response["Retry-After"]


def test_suggestions_with_the_database_gone_answer_503(client, monkeypatch):
    def broken(self, audience, prefix, limit):
        raise DatabaseError("no database")

    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    monkeypatch.setattr(engines.FallbackEngine, "suggest", broken)
    response = client.get(SUGGEST_URL, {"q": "laïcité"})
    assert response.status_code == 503 and response.json()["degraded"] is True
