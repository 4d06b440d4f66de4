"""``search.api.serializers`` render the service's answers: one rule per test, on answers built
by hand (no database, no engine), so each rule holds whatever the engine returns."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import mark_safe
from rest_framework import serializers
from rest_framework.test import APIClient

from search.api import views
from search.api.serializers import (
    FacetsSerializer,
    InvalidInputSerializer,
    ResponseSerializer,
    SearchResponseSerializer,
    SuggestResponseSerializer,
    UnavailableSerializer,
)
from search.engines import FACETS
from search.service import FacetCount, Result, SearchResponse, SearchUnavailable, ThreadReplies

TOPIC_URL = "/extranet/espaces/3/sujets/12/"


def _result(**fields):
    return Result(
        **{
            "title": "Référent laïcité",
            "title_html": mark_safe("Référent <mark>laïcité</mark>"),
            "url": TOPIC_URL,
            "kind": "sujet",
            "kind_label": "Sujet de discussion",
            "date": datetime.datetime(2025, 3, 4, 8, tzinfo=datetime.UTC),
            "snippet": mark_safe("… nommer un <mark>référent</mark> …"),
            "space_name": "Réseau VRL",
            "restricted_label": "Réservé aux membres de l'espace « Réseau VRL »",
            **fields,
        }
    )


def _response(results=(), **fields):
    return SearchResponse(
        **{
            "query": "référent",
            "results": list(results),
            "total": len(results),
            "page": 1,
            "page_size": 20,
            "sort": "relevance",
            "facets": {name: [] for name in FACETS},
            **fields,
        }
    )


def _rendered(response):
    return SearchResponseSerializer(response).data


def test_a_topic_with_matching_replies_says_how_many_and_where_the_first_one_is():
    replies = ThreadReplies(count=3, url=f"{TOPIC_URL}#message-41")
    (result,) = _rendered(_response([_result(replies=replies)]))["results"]
    assert result["replies"] == {"count": 3, "url": f"{TOPIC_URL}#message-41"}


def test_a_result_without_matching_replies_says_null():
    (result,) = _rendered(_response([_result()]))["results"]
    assert result["replies"] is None


def test_the_view_renders_the_replies_of_the_service_s_results(monkeypatch):
    replies = ThreadReplies(count=3, url=f"{TOPIC_URL}#message-41")
    answer = _response([_result(replies=replies), _result(url="/actualites/laicite/")])
    monkeypatch.setattr(views, "search_from_query_dict", lambda user, query: answer)
    data = APIClient().get("/api/search/", {"q": "référent"}).json()
    assert [r["replies"] for r in data["results"]] == [
        {"count": 3, "url": f"{TOPIC_URL}#message-41"},
        None,
    ]


def test_missing_text_is_null_not_an_empty_string():
    response = _response([_result(space_name="", restricted_label="")], did_you_mean="")
    data = _rendered(response)
    assert data["did_you_mean"] is None
    assert (data["results"][0]["space_name"], data["results"][0]["restricted_label"]) == (
        None,
        None,
    )


def test_present_text_is_kept():
    data = _rendered(_response([_result()], did_you_mean="référent laïcité"))
    assert data["did_you_mean"] == "référent laïcité"
    assert data["results"][0]["space_name"] == "Réseau VRL"


def test_highlighted_html_is_rendered_as_is():
    (result,) = _rendered(_response([_result()]))["results"]
    assert result["title_html"] == "Référent <mark>laïcité</mark>"
    assert result["snippet"] == "… nommer un <mark>référent</mark> …"


def test_dates_are_iso_8601_in_the_site_time_zone():
    (result,) = _rendered(_response([_result()]))["results"]
    assert result["date"] == "2025-03-04T09:00:00+01:00"  # 08:00 UTC, Europe/Paris
    (undated,) = _rendered(_response([_result(date=None)]))["results"]
    assert undated["date"] is None


def test_counts_and_numeric_facet_values_are_integers_whatever_the_database_returned():
    facets = {name: [] for name in FACETS}
    facets["year"] = [FacetCount(Decimal("2024"), "2024", 17.0, False)]
    facets["theme"] = [FacetCount("laicite", "Laïcité", Decimal(2), True)]
    data = _rendered(_response(total=17.0, facets=facets))
    assert type(data["total"]) is int and data["total"] == 17
    ((year,), (theme,)) = data["facets"]["year"], data["facets"]["theme"]
    assert (type(year["value"]), year["value"], type(year["count"])) == (int, 2024, int)
    assert theme == {"value": "laicite", "label": "Laïcité", "count": 2, "selected": True}


@pytest.mark.parametrize(("total", "pages"), [(0, 0), (1, 1), (20, 1), (21, 2)])
def test_the_number_of_pages_is_computed(total, pages):
    assert _rendered(_response(total=total))["pages"] == pages


def test_the_facets_are_those_the_engines_compute():
    assert tuple(FacetsSerializer().fields) == FACETS
    assert set(_rendered(_response())["facets"]) == set(FACETS)


def test_unavailable_search_answers_the_documented_503(monkeypatch):
    def unavailable(user, query):
        raise SearchUnavailable("down")

    monkeypatch.setattr(views, "search_from_query_dict", unavailable)
    response = APIClient().get("/api/search/", {"q": "référent"})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json() == {"degraded": True, "detail": views.UNAVAILABLE}


def test_the_fast_rendering_is_drf_s_own(monkeypatch):
    """``ResponseSerializer`` skips DRF's generic lookup: its JSON is DRF's, byte for byte."""
    facets = {name: [FacetCount("a", "A", 2, True)] for name in FACETS}
    facets["year"] = [FacetCount(Decimal("2024"), "2024", 17.0, False)]
    answers = [
        (
            SearchResponseSerializer,
            _response(
                [
                    _result(replies=ThreadReplies(count=3, url=f"{TOPIC_URL}#message-41")),
                    _result(space_name="", restricted_label="", date=None),
                ],
                total=21.0,
                facets=facets,
                approximate=True,
                did_you_mean="",
            ),
        ),
        (
            SuggestResponseSerializer,
            {"query": "laïc", "suggestions": [{"title": "Laïcité", "url": "/l/", "kind": "sujet"}]},
        ),
        (InvalidInputSerializer, {"errors": {"page": ["Le numéro de page commence à 1."]}}),
        (UnavailableSerializer, {"degraded": True, "detail": views.UNAVAILABLE}),
    ]

    def rendered():
        return [json.dumps(serializer(answer).data) for serializer, answer in answers]

    fast = rendered()
    monkeypatch.setattr(
        ResponseSerializer, "to_representation", serializers.Serializer.to_representation
    )
    assert rendered() == fast


def test_a_field_reading_another_attribute_is_refused():
    class Renamed(ResponseSerializer):
        label = serializers.CharField(source="title")

    with pytest.raises(ImproperlyConfigured):
        Renamed().to_representation({"title": "Laïcité"})
