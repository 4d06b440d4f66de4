"""What ``/api/search/`` answers: the shape of a result, pagination, filters, facets, sort."""

import datetime

import pytest
from django.utils import timezone

from search import sync
from search.models import Kind
from tests.factories.extranet import make_reply, make_topic
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db

SEARCH_URL = "/api/search/"


def _day(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def library(db):
    return {
        "old": make_document(
            "Laïcité : un guide pour les acteur·rice·s",
            "Un guide sur la laïcité pour les structures.",
            date=_day(2021, 3, 1),
            themes=[("laicite", "Laïcité")],
        ),
        "new": make_document(
            "Journée régionale",
            "Une journée sur la laïcité à Toulouse.",
            kind=Kind.EVENT,
            date=_day(2024, 6, 1),
            territories=[("31", "Haute-Garonne")],
        ),
        "unrelated": make_document("Politique de la ville", "Contrats de ville."),
    }


def test_a_result_has_title_url_kind_date_and_a_highlighted_snippet(client, library):
    data = client.get(SEARCH_URL, {"q": "guide", "kind": "actualite"}).json()
    (result,) = data["results"]
    assert result == {
        "title": library["old"].title,
        "title_html": "Laïcité : un <mark>guide</mark> pour les acteur·rice·s",
        "url": library["old"].url,
        "kind": "actualite",
        "kind_label": "Actualité",
        "date": "2021-03-01T12:00:00+01:00",  # Europe/Paris,
        "snippet": "Un <mark>guide</mark> sur la laïcité pour les structures.",
        "space_name": None,
        "restricted_label": None,
        "replies": None,  # a topic whose replies match says how many (test_api_serializers)
    }


def test_the_response_says_what_was_asked_and_how_many_there_are(client, library):
    data = client.get(SEARCH_URL, {"q": "laïcité", "page_size": 1}).json()
    assert data["query"] == "laïcité"
    assert (data["total"], data["page"], data["page_size"], data["pages"]) == (2, 1, 1, 2)
    assert data["sort"] == "relevance"
    assert data["degraded"] is False and data["truncated"] is False
    assert set(data["facets"]) == {"kind", "theme", "territory", "space", "year"}


def test_pages_follow_each_other_without_overlap(client, library):
    first = client.get(SEARCH_URL, {"q": "laïcité", "page_size": 1, "page": 1}).json()
    second = client.get(SEARCH_URL, {"q": "laïcité", "page_size": 1, "page": 2}).json()
    titles = {first["results"][0]["title"], second["results"][0]["title"]}
    assert titles == {library["old"].title, library["new"].title}


def test_sort_by_date_puts_the_newest_first(client, library):
    data = client.get(SEARCH_URL, {"q": "laïcité", "sort": "date"}).json()
    assert [r["title"] for r in data["results"]] == [library["new"].title, library["old"].title]
    assert data["sort"] == "date"


def test_filters_narrow_the_results_and_mark_the_selected_facet(client, library):
    data = client.get(SEARCH_URL, {"q": "laïcité", "kind": "evenement"}).json()
    assert [r["title"] for r in data["results"]] == [library["new"].title]
    kinds = {f["value"]: (f["count"], f["selected"]) for f in data["facets"]["kind"]}
    # The kind facet still counts the other kind, so the caller can widen the choice again.
    assert kinds == {"evenement": (1, True), "actualite": (1, False)}


def test_a_facet_value_has_its_label_and_count(client, library):
    data = client.get(SEARCH_URL, {"q": "laïcité"}).json()
    assert data["facets"]["theme"] == [
        {"value": "laicite", "label": "Laïcité", "count": 1, "selected": False}
    ]
    assert {f["value"] for f in data["facets"]["year"]} == {2021, 2024}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "laicite"}, {"old"}),
        ({"territory": "31"}, {"new"}),
        ({"year": "2021"}, {"old"}),
        ({"date_from": "2022-01-01"}, {"new"}),
        ({"date_to": "2021-03-01"}, {"old"}),
        ({"kind": "actualite,evenement"}, {"old", "new"}),
    ],
)
def test_each_filter_applies(client, library, params, expected):
    data = client.get(SEARCH_URL, {"q": "laïcité", **params}).json()
    assert {r["title"] for r in data["results"]} == {library[key].title for key in expected}


def test_repeated_filter_values_combine(client, library):
    response = client.get(f"{SEARCH_URL}?q=la%C3%AFcit%C3%A9&kind=actualite&kind=evenement")
    assert response.json()["total"] == 2


def test_markup_in_content_is_escaped_in_titles_and_snippets(client):
    make_document("<script>alert('laïcité')</script>", "<img src=x onerror=alert(1)> laïcité")
    (result,) = client.get(SEARCH_URL, {"q": "laïcité"}).json()["results"]
    assert "<script>" not in result["title_html"] and "&lt;script&gt;" in result["title_html"]
    assert "<img" not in result["snippet"] and "&lt;img" in result["snippet"]
    assert "<mark>laïcité</mark>" in result["snippet"]


def test_answers_say_they_depend_on_who_asks(client, library):
    response = client.get(SEARCH_URL, {"q": "laïcité"})
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Cookie", "Authorization"} <= vary


def test_suggestions_list_titles_urls_and_kinds(client, library):
    data = client.get("/api/search/suggest/", {"q": "journ"}).json()
    assert data == {
        "query": "journ",
        "suggestions": [
            {"title": "Journée régionale", "url": library["new"].url, "kind": "evenement"}
        ],
    }


def test_suggestions_limit_is_respected(client):
    for number in range(5):
        make_document(f"Laïcité, fiche {number}")
    data = client.get("/api/search/suggest/", {"q": "laïc", "limit": 3}).json()
    assert len(data["suggestions"]) == 3


def test_the_api_only_answers_reads_in_json(client):
    assert client.post(SEARCH_URL, {"q": "laïcité"}).status_code == 405
    response = client.get(SEARCH_URL, {"q": "laïcité", "format": "json"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"


def test_the_total_and_every_facet_count_are_json_integers(client, search_engine):
    make_document(
        "Laïcité : formation",
        themes=[("laicite", "Laïcité")],
        territories=[("31", "Haute-Garonne")],
    )
    make_document("Laïcité : rencontre", themes=[("laicite", "Laïcité")])
    payload = client.get("/api/search/", {"q": "laïcité"}).json()
    assert type(payload["total"]) is int and payload["total"] == 2
    counts = [value["count"] for values in payload["facets"].values() for value in values]
    assert counts and all(type(count) is int for count in counts)
    assert {v["value"]: v["count"] for v in payload["facets"]["theme"]} == {"laicite": 2}


def test_a_topic_whose_replies_match_says_how_many_and_links_the_first(client, space, member):
    topic = make_topic(space, author=member, title="Accueillir les familles", body="Bonjour.")
    replies = [
        make_reply(topic, author=member, body=body)
        for body in ("La laïcité à l'école.", "Merci.", "Laïcité en classe.", "Atelier laïcité.")
    ]
    sync.process_pending()
    client.force_login(member)
    (result,) = client.get(SEARCH_URL, {"q": "laïcité"}).json()["results"]
    assert result["replies"] == {
        "count": 3,
        "url": f"{topic.get_absolute_url()}?page=1#message-{replies[0].pk}",
    }
    (opening,) = client.get(SEARCH_URL, {"q": "bonjour"}).json()["results"]
    assert opening["replies"] is None
