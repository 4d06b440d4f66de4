"""The page and the API are two views of one service: for the same query and the same user
they list the same results in the same order, with the same total and facet counts."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

QUERIES = [
    {"q": "laïcité"},
    {"q": "laicite", "sort": "date"},
    {"q": "acteurs"},
    {"q": ""},
    {"q": "laïcité", "kind": "sujet,actualite"},
    {"q": "laïcité", "page_size": 1, "page": 2},
    {"q": "introuvable"},
]


def _from_api(client, params):
    data = client.get("/api/search/", params).json()
    facets = {
        name: {str(f["value"]): f["count"] for f in values}
        for name, values in data["facets"].items()
    }
    return [(r["title"], r["url"]) for r in data["results"]], data["total"], facets


def _from_page(client, params):
    soup = BeautifulSoup(client.get("/recherche/", params).content, "html.parser")
    results = [(a.get_text(), a["href"]) for a in soup.select(".search-result__title a")]
    heading = soup.find(id="resultats-titre").get_text(" ", strip=True)
    total = int(re.match(r"(\d+)", heading).group(1)) if heading[0].isdigit() else 0
    facets = {name: {} for name in ("kind", "theme", "territory", "space", "year")}
    for box in soup.select(".search-filters input[type=checkbox]"):
        label = soup.find("label", attrs={"for": box["id"]}).get_text()
        count = int(re.search(r"\((\d+)", label).group(1))
        if count:  # the page also lists selected values matching nothing, to untick them
            facets[box["name"]][box["value"]] = count
    return results, total, facets


@pytest.mark.parametrize("role", ["anonymous", "member", "outsider", "staff"])
def test_page_and_api_show_the_same_results_totals_and_facets(client, corpus, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for params in QUERIES:
        assert _from_page(client, params) == _from_api(client, params), params
